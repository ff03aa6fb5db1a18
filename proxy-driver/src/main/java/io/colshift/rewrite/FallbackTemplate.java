package io.colshift.rewrite;

import io.colshift.state.ColumnMigration;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.Node;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.schema.Column;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * A migration's read fallback, ready to be spliced next to any table reference. The fallback may use the
 * row's own columns ({@code CASE WHEN deleted_at IS NULL …}); spliced into a join, an unqualified
 * {@code deleted_at} could name another table's column or be ambiguous, so every such reference gets the
 * qualifier of the table the rewritten column belongs to ({@code u1_0.deleted_at}).
 */
final class FallbackTemplate {

    private static final Set<String> VALUE_KEYWORDS = Set.of("current_date", "current_time", "current_timestamp",
            "localtime", "localtimestamp", "current_user", "session_user", "user", "current_role", "current_schema",
            "current_catalog", "true", "false", "null", "default");

    private final String text;
    /** Offsets in {@link #text} where a qualifier goes, ascending. */
    private final int[] qualifierAt;
    private final ColumnMigration migration;

    private FallbackTemplate(ColumnMigration migration, String text, int[] qualifierAt) {
        this.migration = migration;
        this.text = text;
        this.qualifierAt = qualifierAt;
    }

    /**
     * @param tableColumns the table's existing columns when known, else null: then every unqualified
     *                     name that is not an SQL value keyword is taken for a column
     */
    static FallbackTemplate of(ColumnMigration migration, Collection<String> tableColumns) {
        String fallback = migration.readFallback().strip();
        List<Integer> at = new ArrayList<>();
        try {
            CCJSqlParser parser = new CCJSqlParser(new StringProvider(fallback)).withAllowComplexParsing(true);
            parser.Expression();
            if (parser.getToken(1).kind == 0 && parser.getASTRoot() != null) {
                Deque<Node> stack = new ArrayDeque<>();
                stack.push(parser.getASTRoot());
                while (!stack.isEmpty()) {
                    Node node = stack.pop();
                    if (node.jjtGetValue() instanceof Column c && c.getTable() == null
                            && isOwnColumn(c.getColumnName(), tableColumns)) {
                        int[] span = TokenIndex.span(node);
                        if (span != null && !at.contains(span[0])) {
                            at.add(span[0]);
                        }
                    }
                    for (int i = 0; i < node.jjtGetNumChildren(); i++) {
                        stack.push(node.jjtGetChild(i));
                    }
                }
            }
        } catch (Exception | Error e) {
            if (e instanceof VirtualMachineError vme && !(e instanceof StackOverflowError)) {
                throw vme;
            }
            // An expression the parser cannot read is used as written, unqualified.
            at.clear();
        }
        return new FallbackTemplate(migration, fallback, at.stream().sorted().mapToInt(Integer::intValue).toArray());
    }

    private static boolean isOwnColumn(String name, Collection<String> tableColumns) {
        String normalized = Identifiers.normalize(name);
        if (tableColumns != null) {
            return tableColumns.contains(normalized);
        }
        return !VALUE_KEYWORDS.contains(normalized.toLowerCase(java.util.Locale.ROOT));
    }

    /** The fallback with its column references qualified by {@code qualifier} (as written, no dot). */
    String render(String qualifier) {
        if (qualifierAt.length == 0 || qualifier == null) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + qualifierAt.length * (qualifier.length() + 1));
        int last = 0;
        for (int at : qualifierAt) {
            sb.append(text, last, at).append(qualifier).append('.');
            last = at;
        }
        return sb.append(text, last, text.length()).toString();
    }

    /** {@code CAST(<fallback> AS <type>)}: the column's value while it does not exist yet. */
    String typed(String qualifier) {
        return "CAST(" + render(qualifier) + " AS " + migration.type() + ")";
    }

    /** {@code COALESCE(<reference>, <fallback>)}: the column's value while rows may still hold NULL. */
    String coalesced(String reference, String qualifier) {
        return "COALESCE(" + reference + ", " + render(qualifier) + ")";
    }
}
