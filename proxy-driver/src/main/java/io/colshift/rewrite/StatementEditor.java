package io.colshift.rewrite;

import io.colshift.state.ColumnMigration;
import io.colshift.state.Phase.ReadMode;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.parser.Node;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.ReturningClause;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.InsertConflictAction;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.merge.MergeInsert;
import net.sf.jsqlparser.statement.merge.MergeOperation;
import net.sf.jsqlparser.statement.merge.MergeUpdate;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Works out, for one parsed statement and one snapshot, which spans of the original text change and how:
 * column references that read a migrating column, {@code *} lists that must show it, and writes of it that
 * are gated. It never re-prints the tree: every change is an {@link Edit} at token offsets, so everything
 * else (comments, hints, spacing, casing) stays as the application wrote it.
 *
 * <p>Each column reference is resolved the way PostgreSQL would: qualified names through the aliases and
 * table names of the enclosing query blocks, innermost first; unqualified names against every relation in
 * scope, using the snapshot's column lists. A name that could belong to the migrating table and to another
 * relation of the same block is ambiguous: the whole statement is then left alone.
 */
final class StatementEditor {

    /** Result of a statement that needs changing. */
    record Outcome(String sql, int[] parameterMap, boolean countInsteadOfUpdate) {
    }

    private final ParsedStatement parsed;
    private final MigrationIndex index;
    private final String sql;
    private final EditContext ctx;
    private final ScopeResolver scopes;
    private final WriteGate gate;
    private final List<Edit> edits;
    private final Set<Column> notReads;
    private final Map<Object, Node> nodeOf;

    private final List<Node> columnNodes = new ArrayList<>();
    private final List<Node> selectItemNodes = new ArrayList<>();
    private final List<Node> plainSelectNodes = new ArrayList<>();
    private final Set<Column> outputNameRefs = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Column> bareItems = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Unaliased items that are a cast of a bare column ({@code status::varchar}): PostgreSQL names them after it. */
    private final Map<Column, SelectItem<?>> castItems = new IdentityHashMap<>();
    private final Set<PlainSelect> expandable = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<PlainSelect, Integer> addedColumns = new IdentityHashMap<>();

    private boolean expandReturningStar;
    /** The DML statement's own joins merge columns (USING, NATURAL): its RETURNING * cannot be spelled out. */
    private boolean statementJoinsMergeColumns;
    private Supplier<Outcome> conversion;

    StatementEditor(ParsedStatement parsed, MigrationIndex index) {
        this.parsed = parsed;
        this.index = index;
        this.sql = parsed.sql();
        this.ctx = new EditContext(parsed, index);
        this.scopes = new ScopeResolver(ctx);
        this.gate = new WriteGate(ctx);
        this.edits = ctx.edits();
        this.notReads = ctx.notReads();
        this.nodeOf = ctx.nodeOf();
        scopes.expandedStars(expandable);
    }

    /** The rewritten statement, or null when nothing changes. */
    Outcome run() {
        Statement statement = parsed.statement();
        if (!(statement instanceof Select || statement instanceof Insert || statement instanceof Update
                || statement instanceof Delete || statement instanceof Merge)) {
            return null; // DDL, COPY, SET and other utility statements pass as written
        }
        collectNodes();
        scopes.collectCtes(statement);
        markBareItems(returningItems(statement));
        if (statement instanceof Select select) {
            markExpandable(select);
        } else if (statement instanceof Insert insert) {
            prepareInsert(insert);
        } else if (statement instanceof Update update) {
            prepareUpdate(update);
        } else if (statement instanceof Merge merge) {
            prepareMerge(merge);
        } else {
            prepareDelete((Delete) statement);
        }
        for (Node n : plainSelectNodes) {
            // outer blocks first, so a derived table is scoped while its enclosing block is being built
            // (it cannot see its siblings) and every run resolves in the same order
            scopes.scopeOfNode(n, (PlainSelect) n.jjtGetValue());
        }
        for (Node n : columnNodes) {
            rewriteReference(n, (Column) n.jjtGetValue());
        }
        for (Node n : selectItemNodes) {
            expandStar(n, (SelectItem<?>) n.jjtGetValue());
        }
        checkSetOperationArity();
        if (conversion != null) {
            return conversion.get();
        }
        if (edits.isEmpty()) {
            return null;
        }
        TextComposer composer = ctx.composer();
        composer.range(0, sql.length());
        return new Outcome(composer.text(), composer.parameterMap(), false);
    }

    private void collectNodes() {
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(parsed.root());
        List<Node> order = new ArrayList<>();
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            order.add(node);
            for (int i = node.jjtGetNumChildren() - 1; i >= 0; i--) {
                stack.push(node.jjtGetChild(i));
            }
        }
        for (Node node : order) {
            Object value = node.jjtGetValue();
            if (value == null) {
                continue;
            }
            nodeOf.putIfAbsent(value, node);
            if (value instanceof Column && node.toString().equals("Column")) {
                columnNodes.add(node);
            } else if (value instanceof SelectItem<?> item && node.toString().equals("SelectItem")) {
                selectItemNodes.add(node);
            }
            if (value instanceof PlainSelect ps && node.toString().equals("PlainSelect")) {
                plainSelectNodes.add(node);
                markOutputNameReferences(ps);
                markBareItems(ps.getSelectItems());
            } else if (value instanceof SetOperationList sol) {
                markOutputNameReferences(sol.getOrderByElements(), null);
            }
        }
    }

    /** Select-list (and RETURNING) items that are just a column: a rewrite must keep the column's name as label. */
    private void markBareItems(List<?> items) {
        if (items == null) {
            return;
        }
        for (Object o : items) {
            if (o instanceof SelectItem<?> item && item.getExpression() instanceof Column c && item.getAlias() == null) {
                bareItems.add(c);
            } else if (o instanceof SelectItem<?> item && item.getAlias() == null
                    && item.getExpression() instanceof net.sf.jsqlparser.expression.CastExpression cast
                    && cast.getLeftExpression() instanceof Column c) {
                castItems.put(c, item);
            }
        }
    }

    private static List<?> returningItems(Statement statement) {
        ReturningClause returning = statement instanceof Insert i ? i.getReturningClause()
                : statement instanceof Update u ? u.getReturningClause()
                : statement instanceof Delete d ? d.getReturningClause()
                : statement instanceof Merge m ? m.getReturningClause() : null;
        return returning; // the clause is the list of its items
    }

    private void markOutputNameReferences(PlainSelect ps) {
        Set<String> labels = new HashSet<>();
        for (SelectItem<?> item : ps.getSelectItems()) {
            if (item.getAlias() != null) {
                labels.add(Identifiers.normalize(item.getAlias().getName()));
            } else if (item.getExpression() instanceof Column c) {
                labels.add(Identifiers.normalize(c.getColumnName()));
            }
        }
        markOutputNameReferences(ps.getOrderByElements(), labels);
    }

    /**
     * A bare name in ORDER BY that matches an output column names that output column (PostgreSQL looks at
     * output names first there); it already carries the rewritten value, so it stays as written.
     */
    private void markOutputNameReferences(List<OrderByElement> orderBy, Set<String> labels) {
        if (orderBy == null) {
            return;
        }
        for (OrderByElement e : orderBy) {
            if (e.getExpression() instanceof Column c && c.getTable() == null
                    && (labels == null || labels.contains(Identifiers.normalize(c.getColumnName())))) {
                outputNameRefs.add(c);
            }
        }
    }

    private void rewriteReference(Node node, Column column) {
        String name = Identifiers.normalize(column.getColumnName());
        if (name == null || !index.isMigratingColumnName(name) || notReads.contains(column)
                || outputNameRefs.contains(column)) {
            return;
        }
        Scope scope = scopes.scopeAt(node);
        if (scope == null) {
            return;
        }
        Relation relation = column.getTable() != null && column.getTable().getName() != null
                ? scopes.findRelation(scope, column.getTable(), true)
                : scopes.resolveUnqualified(scope, name);
        if (relation == null) {
            return;
        }
        ColumnMigration m = relation.migrationFor(name);
        if (m == null || m.phase().readMode() == ReadMode.PASS) {
            return;
        }
        int[] span = TokenIndex.span(node);
        if (span == null) {
            throw Abandon.unsupported("column reference without position");
        }
        String replacement = read(m, ctx.text(span), relation.qualifier());
        if (bareItems.contains(column)) {
            replacement = replacement + " AS " + column.getColumnName();
        }
        SelectItem<?> cast = castItems.get(column);
        if (cast != null) {
            // the rewritten cast would be named after its type or COALESCE; the label stays the column's
            int[] item = ctx.spanOf(cast);
            if (item == null) {
                throw Abandon.unsupported("select item without position");
            }
            edits.add(new Edit(item[1], item[1], " AS " + column.getColumnName()));
        }
        edits.add(new Edit(span[0], span[1], replacement));
    }

    /** What a read of the migrating column becomes: the typed fallback, or the reference coalesced with it. */
    private String read(ColumnMigration m, String reference, String qualifier) {
        FallbackTemplate fallback = index.fallback(m);
        return m.phase().readMode() == ReadMode.FALLBACK
                ? fallback.typed(qualifier)
                : fallback.coalesced(reference, qualifier);
    }

    private void markExpandable(Select select) {
        if (select == null) {
            return;
        }
        if (select instanceof ParenthesedSelect ps) {
            markExpandable(ps.getSelect());
        } else if (select instanceof SetOperationList sol) {
            for (Select branch : sol.getSelects()) {
                markExpandable(branch);
            }
        } else if (select instanceof PlainSelect ps) {
            expandable.add(ps);
            markDerived(ps.getFromItem());
            if (ps.getJoins() != null) {
                for (Join j : ps.getJoins()) {
                    markDerived(j.getRightItem());
                }
            }
        }
        if (select.getWithItemsList() != null) {
            for (WithItem<?> w : select.getWithItemsList()) {
                if (w.getSelect() != null) {
                    markExpandable(w.getSelect());
                }
            }
        }
    }

    private void markDerived(FromItem item) {
        if (item instanceof ParenthesedSelect ps) {
            markExpandable(ps);
        } else if (item instanceof ParenthesedFromItem pfi) {
            markDerived(pfi.getFromItem());
            if (pfi.getJoins() != null) {
                for (Join j : pfi.getJoins()) {
                    markDerived(j.getRightItem());
                }
            }
        }
    }

    /**
     * A {@code *} or {@code t.*} over a migrating table becomes that table's columns, spelled out in catalog
     * order from the snapshot: the column being migrated reads {@code COALESCE(col, <fallback>)} in its own
     * place, or in {@code declared} (no such column yet) the typed fallback after the table's columns. An
     * explicit list also keeps the result shape when {@code ADD COLUMN} lands before the driver hears of it,
     * which a server-prepared {@code *} would not. Other relations of a bare {@code *} stay {@code q.*}.
     */
    private void expandStar(Node node, SelectItem<?> item) {
        if (!(item.getExpression() instanceof AllColumns star)) {
            return;
        }
        PlainSelect ps = enclosingPlainSelect(node);
        Scope scope;
        if (ps != null) {
            if (!expandable.contains(ps)) {
                return;
            }
            scope = scopes.scopeOf(ps);
        } else if (expandReturningStar) {
            scope = scopes.statementScope();
        } else {
            return;
        }
        List<Relation> targets = new ArrayList<>();
        if (star instanceof AllTableColumns atc) {
            Relation r = scopes.findRelation(scope, atc.getTable(), false);
            if (r != null) {
                targets.add(r);
            }
        } else {
            for (Relation r : scope.relations()) {
                if (!r.qualifiedOnly()) { // ON CONFLICT's excluded is not part of RETURNING *
                    targets.add(r);
                }
            }
        }
        if (targets.stream().noneMatch(StatementEditor::readsMigratingColumn)) {
            return;
        }
        if (ps != null ? mergesColumns(ps) : statementJoinsMergeColumns) {
            throw Abandon.unsupported("* over a migrating table where JOIN USING or NATURAL JOIN merges columns");
        }
        StringBuilder list = new StringBuilder();
        int added = 0;
        for (Relation r : targets) {
            if (!list.isEmpty()) {
                list.append(", ");
            }
            if (readsMigratingColumn(r)) {
                added += appendColumns(r, list);
            } else if (r.qualifier() != null) {
                list.append(r.qualifier()).append(".*");
            } else {
                throw Abandon.unsupported("* over an unnamed relation next to a migrating table");
            }
        }
        int[] span = TokenIndex.span(node);
        if (span == null) {
            throw Abandon.unsupported("select item without position");
        }
        edits.add(new Edit(span[0], span[1], list.toString()));
        if (ps != null && added > 0) {
            addedColumns.merge(ps, added, Integer::sum);
        }
    }

    private static boolean readsMigratingColumn(Relation r) {
        for (ColumnMigration m : r.migrations()) {
            if (m.phase().readMode() != ReadMode.PASS) {
                return true;
            }
        }
        return false;
    }

    /**
     * Appends the relation's columns as an explicit list; returns how many columns that adds to what
     * {@code *} shows (the typed fallbacks of {@code declared}).
     */
    private int appendColumns(Relation r, StringBuilder list) {
        List<String> columns = index.orderedColumnsOf(r.tableKey());
        String q = r.qualifier();
        if (columns == null || q == null) {
            throw Abandon.unsupported("* over a migrating relation whose columns the snapshot does not list");
        }
        int start = list.length();
        for (String c : columns) {
            ColumnMigration m = r.migrationFor(c);
            if (m != null && m.phase().readMode() == ReadMode.FALLBACK) {
                continue; // the column cannot exist yet for reads; its fallback comes after the table's columns
            }
            appendItem(list, start, q, c, m);
        }
        int added = 0;
        for (ColumnMigration m : r.migrations()) {
            if (m.phase().readMode() == ReadMode.FALLBACK) {
                appendItem(list, start, q, m.column(), m);
                added++;
            } else if (!columns.contains(m.column())) {
                appendItem(list, start, q, m.column(), m); // added after the snapshot read the catalog: last
            }
        }
        return added;
    }

    private void appendItem(StringBuilder list, int start, String qualifier, String column, ColumnMigration m) {
        if (list.length() > start) {
            list.append(", ");
        }
        String reference = qualifier + "." + EditContext.label(column);
        if (m == null || m.phase().readMode() == ReadMode.PASS) {
            list.append(reference);
        } else {
            list.append(read(m, reference, qualifier)).append(" AS ").append(EditContext.label(column));
        }
    }

    /** Whether the block's FROM merges columns (USING, NATURAL) or hides table names behind a join alias. */
    private static boolean mergesColumns(PlainSelect ps) {
        return mergesColumns(ps.getFromItem()) || mergesColumns(ps.getJoins());
    }

    private static boolean mergesColumns(FromItem item) {
        if (item instanceof ParenthesedFromItem pfi) {
            // an alias on a bracketed join hides its tables' names; on a bracketed VALUES list it just names it
            return pfi.getAlias() != null && !ScopeResolver.isAliasedValues(pfi)
                    || mergesColumns(pfi.getFromItem()) || mergesColumns(pfi.getJoins());
        }
        return false;
    }

    private static boolean mergesColumns(List<Join> joins) {
        if (joins == null) {
            return false;
        }
        for (Join j : joins) {
            if (j.isNatural() || (j.getUsingColumns() != null && !j.getUsingColumns().isEmpty())
                    || mergesColumns(j.getRightItem())) {
                return true;
            }
        }
        return false;
    }

    private PlainSelect enclosingPlainSelect(Node node) {
        for (Node p = node.jjtGetParent(); p != null; p = p.jjtGetParent()) {
            if (p.jjtGetValue() instanceof PlainSelect ps && "PlainSelect".equals(p.toString())) {
                return ps;
            }
        }
        return null;
    }

    /** UNION and friends need the same number of columns in every branch. */
    private void checkSetOperationArity() {
        if (addedColumns.isEmpty()) {
            return;
        }
        for (Object value : nodeOf.keySet()) {
            if (value instanceof SetOperationList sol) {
                Integer first = null;
                for (Select branch : sol.getSelects()) {
                    Select inner = branch instanceof ParenthesedSelect p ? p.getSelect() : branch;
                    int n = inner instanceof PlainSelect ps ? addedColumns.getOrDefault(ps, 0) : 0;
                    if (first == null) {
                        first = n;
                    } else if (first != n) {
                        throw Abandon.unsupported("* over a migrating table in only some branches of a set operation");
                    }
                }
            }
        }
    }

    private void prepareDelete(Delete delete) {
        markExpandableInWith(delete.getWithItemsList());
        statementJoinsMergeColumns = mergesColumns(delete.getJoins());
        List<Relation> relations = new ArrayList<>();
        relations.add(scopes.tableRelation(delete.getTable()));
        if (delete.getUsingFromItemList() != null) {
            for (FromItem f : delete.getUsingFromItemList()) {
                scopes.addRelations(f, relations);
            }
        } else if (delete.getUsingList() != null) {
            for (Table t : delete.getUsingList()) {
                scopes.addRelations(t, relations);
            }
        }
        scopes.addJoins(delete.getJoins(), relations);
        scopes.statementRelations(relations);
        expandReturningStar = true;
    }

    private void markExpandableInWith(List<WithItem<?>> withItems) {
        if (withItems != null) {
            for (WithItem<?> w : withItems) {
                if (w.getSelect() != null) {
                    markExpandable(w.getSelect());
                }
            }
        }
    }

    private void prepareUpdate(Update update) {
        markExpandableInWith(update.getWithItemsList());
        statementJoinsMergeColumns = mergesColumns(update.getStartJoins()) || mergesColumns(update.getFromItem())
                || mergesColumns(update.getJoins());
        List<Relation> relations = new ArrayList<>();
        Relation target = scopes.tableRelation(update.getTable());
        relations.add(target);
        scopes.addJoins(update.getStartJoins(), relations);
        scopes.addRelations(update.getFromItem(), relations);
        scopes.addJoins(update.getJoins(), relations);
        scopes.statementRelations(relations);
        expandReturningStar = true;
        for (UpdateSet set : update.getUpdateSets()) {
            notReads.addAll(set.getColumns());
        }
        conversion = gate.gateUpdate(update, target);
    }

    private void prepareInsert(Insert insert) {
        Relation target = scopes.tableRelation(insert.getTable());
        Relation excluded = new Relation("excluded", null, "excluded", target.tableKey(), target.migrations(),
                target.columns(), true);
        scopes.statementRelations(List.of(target, excluded));
        expandReturningStar = true;
        int[] body = insert.getSelect() == null ? null : ctx.spanOf(insert.getSelect());
        scopes.insertBody(body);
        if (insert.getColumns() != null) {
            notReads.addAll(insert.getColumns());
        }
        InsertConflictAction action = insert.getConflictAction();
        if (action != null && action.getUpdateSets() != null) {
            for (UpdateSet set : action.getUpdateSets()) {
                notReads.addAll(set.getColumns());
            }
        }
        gate.gateInsert(insert, target, body);
    }

    private void prepareMerge(Merge merge) {
        markExpandableInWith(merge.getWithItemsList());
        statementJoinsMergeColumns = mergesColumns(merge.getFromItem());
        List<Relation> relations = new ArrayList<>();
        Relation target = scopes.tableRelation(merge.getTable());
        relations.add(target);
        scopes.addRelations(merge.getFromItem(), relations);
        scopes.statementRelations(relations);
        expandReturningStar = true;
        List<MergeUpdate> updates = new ArrayList<>();
        List<MergeInsert> inserts = new ArrayList<>();
        if (merge.getOperations() != null) {
            for (MergeOperation op : merge.getOperations()) {
                if (op instanceof MergeUpdate u) {
                    updates.add(u);
                    for (UpdateSet set : u.getUpdateSets()) {
                        notReads.addAll(set.getColumns());
                    }
                } else if (op instanceof MergeInsert i) {
                    inserts.add(i);
                    if (i.getColumns() != null) {
                        notReads.addAll(i.getColumns());
                    }
                }
            }
        }
        gate.gateMerge(updates, inserts, target);
    }
}
