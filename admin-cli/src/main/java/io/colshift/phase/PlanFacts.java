package io.colshift.phase;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What {@link Planner} needs to know about the table, read without changing anything.
 *
 * @param walk          how the backfill would walk the table, or null when the table does not exist yet
 * @param estimatedRows planner estimate ({@code reltuples}), -1 when never analysed
 */
public record PlanFacts(ColumnState column, BatchWalk walk, long estimatedRows, long tableBytes) {

    public static PlanFacts gather(Connection connection, MigrationRecord m) throws SQLException {
        Catalog catalog = new Catalog(connection);
        String fill = m.fillExpression() == null ? "NULL" : m.fillExpression();
        return new PlanFacts(catalog.column(m.schema(), m.table(), m.column()), WalkChooser.choose(connection, m, fill),
                catalog.estimatedRows(m.schema(), m.table()), catalog.tableBytes(m.schema(), m.table()));
    }
}
