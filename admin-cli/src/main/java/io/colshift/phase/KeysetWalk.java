package io.colshift.phase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Walks the table in key order (primary key, or a unique key over NOT NULL columns; composite keys compare as
 * rows). Each batch locks up to {@code size} rows that still have NULL, skipping rows an application transaction
 * has locked (the final sweep picks those up), fills exactly those rows, and returns the largest key it locked.
 * The row comparison against constants lets PostgreSQL start the index scan at the checkpoint.
 */
public final class KeysetWalk implements BatchWalk {

    private final String keyName;
    private final List<KeyColumn> key;
    private final String firstBatch;
    private final String nextBatch;

    public KeysetWalk(MigrationRecord m, String keyName, List<KeyColumn> key, String fillExpression) {
        this.keyName = keyName;
        this.key = List.copyOf(key);
        String cols = key.stream().map(k -> Sql.ident(k.name())).collect(Collectors.joining(", "));
        String colsDesc = key.stream().map(k -> Sql.ident(k.name()) + " DESC").collect(Collectors.joining(", "));
        String keyJson = key.stream().map(k -> Sql.literal(k.name()) + ", " + Sql.ident(k.name()))
                .collect(Collectors.joining(", ", "jsonb_build_object(", ")"));
        String keyRow = key.size() == 1 ? cols : "(" + cols + ")";
        String bound = key.stream()
                .map(k -> "(CAST(? AS jsonb) ->> " + Sql.literal(k.name()) + ")::" + k.type())
                .collect(Collectors.joining(", ", key.size() == 1 ? "" : "(", key.size() == 1 ? "" : ")"));
        String head = "WITH colshift_batch AS (SELECT ctid AS colshift_ctid, " + cols + " FROM " + m.quotedTable()
                + " WHERE ";
        String tail = m.quotedColumn() + " IS NULL ORDER BY " + cols + " LIMIT ? FOR UPDATE SKIP LOCKED),"
                + " colshift_fill AS (UPDATE " + m.quotedTable() + " SET " + m.quotedColumn() + " = (" + fillExpression
                + ") WHERE ctid = ANY(ARRAY(SELECT colshift_ctid FROM colshift_batch)) AND " + m.quotedColumn()
                + " IS NULL RETURNING 1)"
                + " SELECT (SELECT count(*) FROM colshift_fill), (SELECT " + keyJson + "::text FROM colshift_batch"
                + " ORDER BY " + colsDesc + " LIMIT 1)";
        this.firstBatch = head + tail;
        this.nextBatch = head + keyRow + " > " + bound + " AND " + tail;
    }

    @Override
    public String describe() {
        return keyName + " (" + key.stream().map(KeyColumn::name).collect(Collectors.joining(", ")) + ")";
    }

    /** The batch statement, for {@code plan}. */
    public String sql() {
        return nextBatch;
    }

    @Override
    public BatchResult next(Connection connection, String lastKey, int size) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(lastKey == null ? firstBatch : nextBatch)) {
            int i = 1;
            if (lastKey != null) {
                for (int k = 0; k < key.size(); k++) {
                    ps.setString(i++, lastKey);
                }
            }
            ps.setInt(i, size);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int filled = rs.getInt(1);
                String last = rs.getString(2);
                return new BatchResult(filled, last);
            }
        }
    }
}
