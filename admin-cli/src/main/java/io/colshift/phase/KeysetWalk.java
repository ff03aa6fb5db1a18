package io.colshift.phase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Walks the table in key order (primary key, or a unique key over NOT NULL columns; composite keys compare as
 * rows, which PostgreSQL turns into index range bounds).
 *
 * <p>A batch first reads the key {@code size} rows ahead of the checkpoint (an index-only probe), then updates the
 * NULL rows in that key range with one range UPDATE. If a row in the range is locked by an application
 * transaction for longer than the connection's {@code lock_timeout}, the batch is rolled back and redone with
 * {@code FOR UPDATE SKIP LOCKED}: the rows it can lock are filled, the locked ones are left to the final sweep, and
 * the walk never waits on application traffic for long.
 */
public final class KeysetWalk implements BatchWalk {

    private final String keyName;
    private final List<KeyColumn> key;
    private final String upperFirst;
    private final String upperNext;
    private final String rangeUpdateFirst;
    private final String rangeUpdateNext;
    private final String maxKey;
    private final String skipLockedFirst;
    private final String skipLockedNext;

    public KeysetWalk(MigrationRecord m, String keyName, List<KeyColumn> key, String fillExpression) {
        this.keyName = keyName;
        this.key = List.copyOf(key);
        String table = m.quotedTable();
        String col = m.quotedColumn();
        String cols = key.stream().map(k -> Sql.ident(k.name())).collect(Collectors.joining(", "));
        String colsDesc = key.stream().map(k -> Sql.ident(k.name()) + " DESC").collect(Collectors.joining(", "));
        String keyJson = key.stream().map(k -> Sql.literal(k.name()) + ", " + Sql.ident(k.name()))
                .collect(Collectors.joining(", ", "jsonb_build_object(", ")::text"));
        String keyRow = key.size() == 1 ? cols : "(" + cols + ")";
        String bound = bound(key);
        String after = keyRow + " > " + bound;
        String set = "UPDATE " + table + " SET " + col + " = (" + fillExpression + ") WHERE ";

        this.upperFirst = "SELECT " + keyJson + " FROM " + table + " ORDER BY " + cols + " OFFSET ? LIMIT 1";
        this.upperNext = "SELECT " + keyJson + " FROM " + table + " WHERE " + after + " ORDER BY " + cols
                + " OFFSET ? LIMIT 1";
        String upTo = keyRow + " <= " + bound + " AND " + col + " IS NULL";
        this.rangeUpdateFirst = set + upTo;
        this.rangeUpdateNext = set + after + " AND " + upTo;
        this.maxKey = "SELECT " + keyJson + " FROM " + table + " ORDER BY " + colsDesc + " LIMIT 1";

        String head = "WITH colshift_batch AS (SELECT ctid AS colshift_ctid, " + cols + " FROM " + table + " WHERE ";
        String tail = col + " IS NULL ORDER BY " + cols + " LIMIT ? FOR UPDATE SKIP LOCKED),"
                + " colshift_fill AS (" + set + "ctid = ANY(ARRAY(SELECT colshift_ctid FROM colshift_batch)) AND "
                + col + " IS NULL RETURNING 1)"
                + " SELECT (SELECT count(*) FROM colshift_fill), (SELECT count(*) FROM colshift_batch), (SELECT "
                + keyJson + " FROM colshift_batch ORDER BY " + colsDesc + " LIMIT 1)";
        this.skipLockedFirst = head + tail;
        this.skipLockedNext = head + after + " AND " + tail;
    }

    /** {@code (CAST(? AS jsonb) ->> 'k')::type}, one per key column, as a row when the key is composite. */
    private static String bound(List<KeyColumn> key) {
        return key.stream()
                .map(k -> "(CAST(? AS jsonb) ->> " + Sql.literal(k.name()) + ")::" + k.type())
                .collect(Collectors.joining(", ", key.size() == 1 ? "" : "(", key.size() == 1 ? "" : ")"));
    }

    @Override
    public String describe() {
        return keyName + " (" + key.stream().map(KeyColumn::name).collect(Collectors.joining(", ")) + ")";
    }

    /** The two statements of a batch, for {@code plan}: the probe for the range's end, then the range UPDATE. */
    public String sql() {
        return upperNext + "; " + rangeUpdateNext;
    }

    @Override
    public BatchResult next(Connection connection, String lastKey, int size) throws SQLException {
        try {
            return rangeBatch(connection, lastKey, size);
        } catch (SQLException e) {
            if (!LockSafeDdl.LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                throw e;
            }
            // an application transaction holds a row of this range: do not wait for it, fill around it
            connection.rollback();
            return skipLockedBatch(connection, lastKey, size);
        }
    }

    private BatchResult rangeBatch(Connection connection, String lastKey, int size) throws SQLException {
        String upper;
        try (PreparedStatement ps = connection.prepareStatement(lastKey == null ? upperFirst : upperNext)) {
            int i = bindKey(ps, 1, lastKey);
            ps.setInt(i, size - 1);
            try (ResultSet rs = ps.executeQuery()) {
                upper = rs.next() ? rs.getString(1) : null;
            }
        }
        boolean last = upper == null;
        if (last) {
            // fewer than size rows left: this batch runs to the current end of the key and ends the walk; rows
            // inserted after it are the final sweep's
            try (PreparedStatement ps = connection.prepareStatement(maxKey); ResultSet rs = ps.executeQuery()) {
                upper = rs.next() ? rs.getString(1) : null;
            }
            if (upper == null) {
                return new BatchResult(0, 0, null, true);
            }
        }
        try (PreparedStatement ps = connection.prepareStatement(lastKey == null ? rangeUpdateFirst : rangeUpdateNext)) {
            int i = bindKey(ps, 1, lastKey);
            bindKey(ps, i, upper);
            return new BatchResult(ps.executeUpdate(), size, upper, last);
        }
    }

    private BatchResult skipLockedBatch(Connection connection, String lastKey, int size) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(lastKey == null ? skipLockedFirst : skipLockedNext)) {
            int i = bindKey(ps, 1, lastKey);
            ps.setInt(i, size);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int filled = rs.getInt(1);
                int locked = rs.getInt(2);
                String last = rs.getString(3);
                // nothing lockable left after the checkpoint: the walk is over, the sweep waits for the rest
                return new BatchResult(filled, locked, last, last == null);
            }
        }
    }

    private int bindKey(PreparedStatement ps, int index, String keyJsonText) throws SQLException {
        if (keyJsonText == null) {
            return index;
        }
        int i = index;
        for (int k = 0; k < key.size(); k++) {
            ps.setString(i++, keyJsonText);
        }
        return i;
    }
}
