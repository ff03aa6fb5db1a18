package io.colshift.rewrite;

import io.colshift.state.ColumnMigration;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.update.Update;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Says which migrations a statement touches and how ({@link Touch}), once per computed rewrite (the result is
 * cached with it): never on the pass-through path, never per execution.
 */
final class TouchClassifier {

    private TouchClassifier() {
    }

    /**
     * @param statement the parsed statement (the wrapped query for EXPLAIN and the like); a statement that could
     *                  not be parsed gets its touches from {@code RewriteEngine.failedOpen} (neither read nor write)
     */
    static List<Touch> classify(List<SqlLexer.Token> lexed, Statement statement, List<ColumnMigration> migrations) {
        List<ColumnMigration> touched = TouchScanner.touched(lexed, migrations);
        if (touched.isEmpty()) {
            return List.of();
        }
        boolean writing = statement instanceof Insert || statement instanceof Update || statement instanceof Merge;
        Set<String> names = new HashSet<>();
        for (SqlLexer.Token t : lexed) {
            if (t.name() != null) {
                names.add(t.name());
            }
        }
        List<Touch> touches = new ArrayList<>(touched.size());
        Set<String> seen = new HashSet<>();
        for (ColumnMigration m : touched) {
            if (!seen.add(m.id())) {
                continue;
            }
            // a `*`, TABLE or COPY … TO hands the column over without naming it: that is not code that uses it
            // (an application that predates the column selects * too), so it touches the migration, reading nothing
            boolean named = names.contains(m.column());
            boolean write = writing && named;
            touches.add(new Touch(m.id(), named && !write, write, write && m.writesGated()));
        }
        return touches;
    }
}
