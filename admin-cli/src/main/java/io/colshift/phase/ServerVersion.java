package io.colshift.phase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The server's major version and the DDL recipes it allows. Decided from {@code server_version_num},
 * so that every version-specific choice is made in one place.
 */
public record ServerVersion(int major) {

    public static ServerVersion of(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('server_version_num')::int")) {
            rs.next();
            int num = rs.getInt(1);
            return new ServerVersion(num >= 100_000 ? num / 10_000 : num / 100 / 100);
        }
    }

    /** PG 11+: {@code ADD COLUMN … DEFAULT <non-volatile>} stores the default in the catalog, no table rewrite. */
    public boolean metadataOnlyDefault() {
        return major >= 11;
    }

    /** PG 12+: {@code SET NOT NULL} skips its full-table scan when a validated {@code CHECK (col IS NOT NULL)} exists. */
    public boolean notNullProvenByCheck() {
        return major >= 12;
    }

    /** PG 18+: {@code ADD CONSTRAINT … NOT NULL col NOT VALID} then {@code VALIDATE}, no helper CHECK needed. */
    public boolean nativeNotNullNotValid() {
        return major >= 18;
    }

    /** PG 14+: {@code ctid} range predicates use a TID range scan instead of a sequential scan. */
    public boolean tidRangeScan() {
        return major >= 14;
    }

    @Override
    public String toString() {
        return "PostgreSQL " + major;
    }
}
