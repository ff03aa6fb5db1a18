package io.colshift.driver;

import io.colshift.rewrite.Rewrite;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The parameters and batch rows a prepared statement was given, by the application's parameter index.
 * Replayed through a {@link Rewrite}'s parameter map onto the real statement: values whose placeholder
 * was removed ({@link Rewrite#DROPPED}) are not bound.
 *
 * <p>Only statements prepared while a migration is active keep these (see {@link ProxyPreparedStatement}).
 */
final class BoundParameters {

    private ParameterBinding[] current = new ParameterBinding[8];
    private int highestIndex;
    private List<ParameterBinding[]> batchRows;

    void set(int index, ParameterBinding binding) {
        if (index > current.length) {
            current = Arrays.copyOf(current, Math.max(index, current.length * 2));
        }
        current[index - 1] = binding;
        highestIndex = Math.max(highestIndex, index);
    }

    void clear() {
        Arrays.fill(current, null);
        highestIndex = 0;
    }

    /** Remembers the current values as one batch row; they stay set for the next row, as JDBC says. */
    void addBatchRow() {
        if (batchRows == null) {
            batchRows = new ArrayList<>();
        }
        batchRows.add(Arrays.copyOf(current, highestIndex));
    }

    List<ParameterBinding[]> batchRows() {
        return batchRows == null ? List.of() : batchRows;
    }

    int batchSize() {
        return batchRows == null ? 0 : batchRows.size();
    }

    void clearBatch() {
        batchRows = null;
    }

    void bindCurrent(PreparedStatement statement, Rewrite rewrite) throws SQLException {
        bind(Arrays.copyOf(current, highestIndex), statement, rewrite);
    }

    static void bind(ParameterBinding[] row, PreparedStatement statement, Rewrite rewrite) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            ParameterBinding binding = row[i];
            if (binding == null) {
                continue;
            }
            int target = rewrite.mapParameter(i + 1);
            if (target != Rewrite.DROPPED) {
                binding.bindTo(statement, target);
            }
        }
    }
}
