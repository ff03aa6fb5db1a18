package io.colshift.rewrite;

import io.colshift.state.ColumnMigration;
import io.colshift.state.Phase.ReadMode;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.parser.ASTNodeAccess;
import net.sf.jsqlparser.parser.Node;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.ReturningClause;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.InsertConflictAction;
import net.sf.jsqlparser.statement.merge.Merge;
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
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private final TokenIndex tokens;

    private final List<Edit> edits = new ArrayList<>();
    private final List<Node> columnNodes = new ArrayList<>();
    private final List<Node> selectItemNodes = new ArrayList<>();
    private final List<Node> plainSelectNodes = new ArrayList<>();
    private final Map<Object, Node> nodeOf = new IdentityHashMap<>();
    private final Map<Node, Scope> scopes = new IdentityHashMap<>();
    private final Set<Object> scopesInProgress = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Column> notReads = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Column> outputNameRefs = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Column> bareItems = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<PlainSelect> expandable = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<String, WithItem<?>> ctes = new HashMap<>();

    private Scope statementScope = Scope.NONE;
    /** Span of an INSERT's VALUES/SELECT body: the target table is not visible inside it. */
    private int[] insertBody;
    private boolean expandReturningStar;
    private Outcome conversion;
    private Runnable pendingConversion;

    StatementEditor(ParsedStatement parsed, MigrationIndex index) {
        this.parsed = parsed;
        this.index = index;
        this.sql = parsed.sql();
        this.tokens = parsed.tokens();
    }

    /** The rewritten statement, or null when nothing changes. */
    Outcome run() {
        Statement statement = parsed.statement();
        if (!(statement instanceof Select || statement instanceof Insert || statement instanceof Update
                || statement instanceof Delete || statement instanceof Merge)) {
            return null; // DDL, COPY, SET and other utility statements pass as written
        }
        collectNodes();
        collectCtes(statement);
        markBareItems(returningItems(statement));
        if (statement instanceof Merge merge) {
            return rejectMerge(merge);
        }
        if (statement instanceof Select select) {
            markExpandable(select);
        } else if (statement instanceof Insert insert) {
            prepareInsert(insert);
        } else if (statement instanceof Update update) {
            prepareUpdate(update);
        } else {
            prepareDelete((Delete) statement);
        }
        for (Node n : plainSelectNodes) {
            // outer blocks first, so a derived table is scoped while its enclosing block is being built
            // (it cannot see its siblings) and every run resolves in the same order
            scopeOfNode(n, (PlainSelect) n.jjtGetValue());
        }
        for (Node n : columnNodes) {
            rewriteReference(n, (Column) n.jjtGetValue());
        }
        for (Node n : selectItemNodes) {
            expandStar(n, (SelectItem<?>) n.jjtGetValue());
        }
        checkSetOperationArity();
        if (pendingConversion != null) {
            pendingConversion.run();
        }
        if (conversion != null) {
            return conversion;
        }
        if (edits.isEmpty()) {
            return null;
        }
        TextComposer composer = composer();
        composer.range(0, sql.length());
        return new Outcome(composer.text(), composer.parameterMap(), false);
    }

    private TextComposer composer() {
        int[] placeholders = tokens.placeholderOffsets();
        TextComposer composer = new TextComposer(sql, edits, placeholders);
        return composer;
    }

    // ------------------------------------------------------------------ parse tree

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
            if (value instanceof Column && !node.toString().equals("PrimaryExpression")
                    && !node.toString().equals("Expression") && isColumnNode(node)) {
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
            }
        }
    }

    private static boolean isColumnNode(Node node) {
        return "Column".equals(node.toString());
    }

    private int[] spanOf(Object element) {
        Node node = null;
        if (element instanceof ASTNodeAccess access) {
            node = access.getASTNode();
        }
        if (node == null) {
            node = nodeOf.get(element);
        }
        return TokenIndex.span(node);
    }

    private String text(int[] span) {
        return sql.substring(span[0], span[1]);
    }

    private static List<?> returningItems(Statement statement) {
        ReturningClause returning = statement instanceof Insert i ? i.getReturningClause()
                : statement instanceof Update u ? u.getReturningClause()
                : statement instanceof Delete d ? d.getReturningClause() : null;
        return returning; // the clause is the list of its items
    }

    // ------------------------------------------------------------------ CTEs

    private void collectCtes(Statement statement) {
        List<List<WithItem<?>>> lists = new ArrayList<>();
        if (statement instanceof Insert i) {
            lists.add(i.getWithItemsList());
        } else if (statement instanceof Update u) {
            lists.add(u.getWithItemsList());
        } else if (statement instanceof Delete d) {
            lists.add(d.getWithItemsList());
        } else if (statement instanceof Merge m) {
            lists.add(m.getWithItemsList());
        }
        for (Object value : nodeOf.keySet()) {
            if (value instanceof Select s) {
                lists.add(s.getWithItemsList());
            }
        }
        for (List<WithItem<?>> list : lists) {
            if (list == null) {
                continue;
            }
            for (WithItem<?> item : list) {
                String name = Identifiers.normalize(item.getAliasName());
                if (name == null) {
                    continue;
                }
                if (isMigratingTableName(name)) {
                    throw Abandon.unsupported("CTE named like a migrating table: " + name);
                }
                WithItem<?> previous = ctes.put(name, item);
                if (previous != null && previous != item) {
                    throw Abandon.unsupported("two CTEs named " + name);
                }
                if (item.getWithItemList() != null) {
                    for (SelectItem<?> si : item.getWithItemList()) {
                        if (si.getExpression() instanceof Column c) {
                            notReads.add(c);
                        }
                    }
                }
                Object body = item.getParenthesedStatement();
                if (body != null && !(body instanceof Select)) {
                    throw Abandon.unsupported("data-modifying CTE");
                }
            }
        }
    }

    private boolean isMigratingTableName(String name) {
        String resolved = index.resolveTable(null, name.toLowerCase(java.util.Locale.ROOT));
        return resolved != null && !index.migrationsOf(resolved).isEmpty();
    }

    // ------------------------------------------------------------------ scopes

    private Relation tableRelation(Table table) {
        String name = Identifiers.key(table.getName());
        String schema = table.getSchemaName() == null ? null : Identifiers.key(table.getSchemaName());
        String key = index.resolveTable(schema, name);
        Alias alias = table.getAlias();
        String exposed = alias != null ? Identifiers.normalize(alias.getName()) : Identifiers.normalize(table.getName());
        int[] span = spanOf(table);
        String written = span != null ? text(span) : table.getFullyQualifiedName();
        String qualifier = alias != null ? alias.getName() : written;
        List<ColumnMigration> migrations = index.migrationsOf(key);
        Set<String> columns = index.columnsOf(key);
        String resolvedSchema = key == null ? schema : key.substring(0, key.indexOf('.'));
        return new Relation(exposed, alias != null ? null : resolvedSchema, qualifier,
                key == null ? "?" + name : key, migrations, columns, false);
    }

    private void addRelations(FromItem item, List<Relation> out) {
        if (item == null) {
            return;
        }
        Alias alias = item.getAlias();
        if (item instanceof Table table) {
            if (table.getSchemaName() == null && ctes.containsKey(Identifiers.normalize(table.getName()))) {
                WithItem<?> cte = ctes.get(Identifiers.normalize(table.getName()));
                Set<String> columns = cteColumns(cte);
                String exposed = Identifiers.normalize(alias != null ? alias.getName() : table.getName());
                out.add(new Relation(exposed, null, alias != null ? alias.getName() : table.getName(), null,
                        List.of(), aliasColumnsOr(alias, columns), false));
            } else {
                out.add(tableRelation(table));
            }
        } else if (item instanceof ParenthesedFromItem pfi) {
            addRelations(pfi.getFromItem(), out);
            addJoins(pfi.getJoins(), out);
        } else if (item instanceof ParenthesedSelect ps) {
            Set<String> columns = outputColumns(ps.getSelect());
            out.add(new Relation(alias == null ? null : Identifiers.normalize(alias.getName()), null,
                    alias == null ? null : alias.getName(), null, List.of(), aliasColumnsOr(alias, columns), false));
        } else if (item instanceof TableFunction tf) {
            Function f = tf.getFunction();
            String fname = f == null || f.getName() == null ? null : Identifiers.normalize(lastPart(f.getName()));
            String exposed = alias != null ? Identifiers.normalize(alias.getName()) : fname;
            Set<String> single = exposed == null ? null : Set.of(exposed);
            out.add(new Relation(exposed, null, alias != null ? alias.getName() : fname, null, List.of(),
                    aliasColumnsOr(alias, single), false));
        } else if (item instanceof Values) {
            out.add(new Relation(alias == null ? null : Identifiers.normalize(alias.getName()), null,
                    alias == null ? null : alias.getName(), null, List.of(), aliasColumnsOr(alias, null), false));
        } else {
            out.add(new Relation(alias == null ? null : Identifiers.normalize(alias.getName()), null,
                    alias == null ? null : alias.getName(), null, List.of(), null, false));
        }
    }

    private static String lastPart(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }

    private static Set<String> aliasColumnsOr(Alias alias, Set<String> columns) {
        if (alias == null || alias.getAliasColumns() == null || alias.getAliasColumns().isEmpty()) {
            return columns;
        }
        Set<String> names = new LinkedHashSet<>();
        for (Alias.AliasColumn c : alias.getAliasColumns()) {
            names.add(Identifiers.normalize(c.name));
        }
        if (columns == null) {
            return null; // a derived table may have more columns than its alias list names
        }
        names.addAll(columns);
        return names;
    }

    private void addJoins(List<Join> joins, List<Relation> out) {
        if (joins == null) {
            return;
        }
        for (Join join : joins) {
            addRelations(join.getRightItem(), out);
            if (join.getUsingColumns() != null) {
                for (Column c : join.getUsingColumns()) {
                    notReads.add(c);
                    if (index.isMigratingColumnName(Identifiers.normalize(c.getColumnName()))) {
                        throw Abandon.unsupported("JOIN USING a migrating column name");
                    }
                }
            }
        }
        for (Join join : joins) {
            if (join.isNatural()) {
                for (Relation r : out) {
                    if (!r.migrations().isEmpty()) {
                        throw Abandon.unsupported("NATURAL JOIN with a migrating table");
                    }
                }
            }
        }
    }

    private Set<String> cteColumns(WithItem<?> cte) {
        Set<String> columns = null;
        if (cte.getSelect() != null) {
            if (scopesInProgress.contains(cte)) {
                return null; // recursive reference: its own columns are being worked out
            }
            scopesInProgress.add(cte);
            try {
                columns = outputColumns(cte.getSelect().getSelect());
            } finally {
                scopesInProgress.remove(cte);
            }
        }
        if (cte.getWithItemList() != null && !cte.getWithItemList().isEmpty()) {
            Set<String> names = new LinkedHashSet<>();
            for (SelectItem<?> si : cte.getWithItemList()) {
                if (si.getExpression() instanceof Column c) {
                    names.add(Identifiers.normalize(c.getColumnName()));
                }
            }
            if (columns == null) {
                return null;
            }
            names.addAll(columns);
            return names;
        }
        return columns;
    }

    /** Column names a select produces, or null when some cannot be known. */
    private Set<String> outputColumns(Select select) {
        if (select instanceof ParenthesedSelect ps) {
            return outputColumns(ps.getSelect());
        }
        if (select instanceof SetOperationList sol) {
            return sol.getSelects().isEmpty() ? null : outputColumns(sol.getSelect(0));
        }
        if (select instanceof Values values) {
            Set<String> names = new LinkedHashSet<>();
            int n = values.getExpressions() == null ? 0 : values.getExpressions().size();
            for (int i = 1; i <= Math.max(n, 1); i++) {
                names.add("column" + i);
            }
            return names;
        }
        if (!(select instanceof PlainSelect ps)) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        for (SelectItem<?> item : ps.getSelectItems()) {
            if (item.getAlias() != null) {
                names.add(Identifiers.normalize(item.getAlias().getName()));
                continue;
            }
            Expression e = item.getExpression();
            if (e instanceof AllTableColumns atc) {
                Relation r = findRelation(scopeOf(ps), atc.getTable(), false);
                if (r == null || !addVisibleColumns(r, names)) {
                    return null;
                }
            } else if (e instanceof AllColumns) {
                Scope scope = scopeOf(ps);
                for (Relation r : scope.relations()) {
                    if (!addVisibleColumns(r, names)) {
                        return null;
                    }
                }
            } else {
                String name = outputName(e);
                if (name != null) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static String outputName(Expression e) {
        if (e instanceof Column c) {
            return Identifiers.normalize(c.getColumnName());
        }
        if (e instanceof CastExpression cast) {
            return outputName(cast.getLeftExpression());
        }
        if (e instanceof Function f && f.getName() != null) {
            return Identifiers.normalize(lastPart(f.getName()));
        }
        return null;
    }

    private boolean addVisibleColumns(Relation r, Set<String> names) {
        if (!r.isTable()) {
            if (r.columns() == null) {
                return false;
            }
            names.addAll(r.columns());
            return true;
        }
        if (r.columns() != null) {
            names.addAll(r.columns());
        }
        for (ColumnMigration m : r.migrations()) {
            names.add(m.column());
        }
        return true;
    }

    private Scope scopeOf(PlainSelect ps) {
        Node node = ps.getASTNode() != null ? ps.getASTNode() : nodeOf.get(ps);
        return scopeOfNode(node, ps);
    }

    private Scope scopeOfNode(Node node, PlainSelect ps) {
        Scope cached = scopes.get(node);
        if (cached != null) {
            return cached;
        }
        if (!scopesInProgress.add(ps)) {
            return new Scope(List.of(), parentScope(node));
        }
        try {
            List<Relation> relations = new ArrayList<>();
            addRelations(ps.getFromItem(), relations);
            addJoins(ps.getJoins(), relations);
            Scope scope = new Scope(List.copyOf(relations), parentScope(node));
            scopes.put(node, scope);
            return scope;
        } finally {
            scopesInProgress.remove(ps);
        }
    }

    /** Scope of the query block enclosing {@code node} (exclusive), or the statement's. */
    private Scope parentScope(Node node) {
        for (Node p = node == null ? null : node.jjtGetParent(); p != null; p = p.jjtGetParent()) {
            if (p.jjtGetValue() instanceof PlainSelect ps && "PlainSelect".equals(p.toString())) {
                return scopeOfNode(p, ps);
            }
        }
        if (node != null && insertBody != null) {
            int[] span = TokenIndex.span(node);
            if (span != null && span[0] >= insertBody[0] && span[1] <= insertBody[1]) {
                return null; // INSERT's own VALUES/SELECT cannot see the target table
            }
        }
        return statementScope;
    }

    private Scope scopeAt(Node node) {
        for (Node p = node.jjtGetParent(); p != null; p = p.jjtGetParent()) {
            if (p.jjtGetValue() instanceof PlainSelect ps && "PlainSelect".equals(p.toString())) {
                return scopeOfNode(p, ps);
            }
        }
        return parentScope(node);
    }

    // ------------------------------------------------------------------ reads

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
        Scope scope = scopeAt(node);
        if (scope == null) {
            return;
        }
        Relation relation = column.getTable() != null && column.getTable().getName() != null
                ? findRelation(scope, column.getTable(), true)
                : resolveUnqualified(scope, name);
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
        FallbackTemplate fallback = index.fallback(m);
        String replacement = m.phase().readMode() == ReadMode.FALLBACK
                ? fallback.typed(relation.qualifier())
                : fallback.coalesced(text(span), relation.qualifier());
        if (bareItems.contains(column)) {
            replacement = replacement + " AS " + column.getColumnName();
        }
        edits.add(new Edit(span[0], span[1], replacement));
    }

    /** The relation a qualifier names, searching outwards; null when no block exposes it. */
    private Relation findRelation(Scope scope, Table qualifier, boolean outwards) {
        String name = Identifiers.normalize(qualifier.getName());
        String schema = qualifier.getSchemaName() == null ? null : Identifiers.key(qualifier.getSchemaName());
        for (Scope s = scope; s != null; s = outwards ? s.parent() : null) {
            Relation found = null;
            for (Relation r : s.relations()) {
                // schema.table.column only matches a table that is not aliased (PostgreSQL hides the name then)
                boolean match = name.equals(r.exposed()) && (schema == null || schema.equals(r.schema()));
                if (match) {
                    if (found != null) {
                        throw Abandon.ambiguous("qualifier " + name + " names two relations");
                    }
                    found = r;
                }
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /**
     * The relation an unqualified column name belongs to. Only a result that is certain counts: the
     * migrating table must be the single relation of the innermost block that has the name.
     */
    private Relation resolveUnqualified(Scope scope, String name) {
        boolean uncertain = false;
        for (Scope s = scope; s != null; s = s.parent()) {
            Relation migrating = null;
            int others = 0;
            int maybes = 0;
            for (Relation r : s.relations()) {
                if (r.qualifiedOnly()) {
                    continue;
                }
                switch (r.has(name)) {
                    case MIGRATING -> {
                        if (migrating != null) {
                            throw Abandon.ambiguous("column " + name + " in two migrating relations");
                        }
                        migrating = r;
                    }
                    case YES -> others++;
                    case MAYBE -> maybes++;
                    default -> { }
                }
            }
            if (migrating != null) {
                if (others > 0 || maybes > 0 || uncertain) {
                    throw Abandon.ambiguous("column " + name + " could belong to more than one relation");
                }
                return migrating;
            }
            if (others > 0) {
                return null;
            }
            if (maybes > 0) {
                uncertain = true;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ * lists

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

    private final Map<PlainSelect, Integer> addedColumns = new IdentityHashMap<>();

    /**
     * In {@code declared} the table has no such column yet; {@code *} must still show it, so the typed
     * fallback follows the star, labelled with the column name (the target schema's order: new columns last).
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
            scope = scopeOf(ps);
        } else if (expandReturningStar) {
            scope = statementScope;
        } else {
            return;
        }
        List<Relation> targets = new ArrayList<>();
        if (star instanceof AllTableColumns atc) {
            Relation r = findRelation(scope, atc.getTable(), false);
            if (r != null) {
                targets.add(r);
            }
        } else if (ps != null) {
            targets.addAll(scope.relations());
        } else {
            targets.add(scope.relations().get(0)); // RETURNING * shows the target table only
        }
        StringBuilder added = new StringBuilder();
        int count = 0;
        for (Relation r : targets) {
            for (ColumnMigration m : r.migrations()) {
                if (m.phase().readMode() == ReadMode.FALLBACK) {
                    added.append(", ").append(index.fallback(m).typed(r.qualifier())).append(" AS ")
                            .append(label(m.column()));
                    count++;
                }
            }
        }
        if (count == 0) {
            return;
        }
        int[] span = TokenIndex.span(node);
        if (span == null) {
            throw Abandon.unsupported("select item without position");
        }
        edits.add(new Edit(span[1], span[1], added.toString()));
        if (ps != null) {
            addedColumns.merge(ps, count, Integer::sum);
        }
    }

    private static String label(String column) {
        return column.matches("[a-z_][a-z0-9_$]*") ? column : "\"" + column.replace("\"", "\"\"") + "\"";
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

    // ------------------------------------------------------------------ DELETE

    private void prepareDelete(Delete delete) {
        List<Relation> relations = new ArrayList<>();
        relations.add(tableRelation(delete.getTable()));
        if (delete.getUsingFromItemList() != null) {
            for (FromItem f : delete.getUsingFromItemList()) {
                addRelations(f, relations);
            }
        } else if (delete.getUsingList() != null) {
            for (Table t : delete.getUsingList()) {
                addRelations(t, relations);
            }
        }
        addJoins(delete.getJoins(), relations);
        statementScope = new Scope(List.copyOf(relations), null);
        expandReturningStar = true;
        markExpandableInWith(delete.getWithItemsList());
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

    // ------------------------------------------------------------------ UPDATE

    private void prepareUpdate(Update update) {
        List<Relation> relations = new ArrayList<>();
        Relation target = tableRelation(update.getTable());
        relations.add(target);
        addJoins(update.getStartJoins(), relations);
        addRelations(update.getFromItem(), relations);
        addJoins(update.getJoins(), relations);
        statementScope = new Scope(List.copyOf(relations), null);
        expandReturningStar = true;
        markExpandableInWith(update.getWithItemsList());
        for (UpdateSet set : update.getUpdateSets()) {
            notReads.addAll(set.getColumns());
        }
        List<ColumnMigration> gated = gatedMigrations(target);
        if (gated.isEmpty()) {
            return;
        }
        List<Integer> remove = gatedSetItems(update.getUpdateSets(), gated);
        if (remove.isEmpty()) {
            return;
        }
        if (update.isFromBeforeSet() || update.getOrderByElements() != null || update.getLimit() != null
                || update.getOutputClause() != null) {
            throw Abandon.unsupported("UPDATE form outside PostgreSQL");
        }
        int updateTok = tokens.findWord(0, tokens.size(), "UPDATE");
        int setTok = updateTok < 0 ? -1 : tokens.findWord(updateTok + 1, tokens.size(), "SET");
        if (setTok < 0) {
            throw Abandon.unsupported("UPDATE without a SET keyword found");
        }
        int end = statementEndToken();
        int itemsEnd = orEnd(tokens.findWord(setTok + 1, end, "FROM", "WHERE", "RETURNING"), end);
        List<int[]> items = tokens.splitTopLevel(setTok + 1, itemsEnd);
        if (items.size() != update.getUpdateSets().size()) {
            throw Abandon.unsupported("SET items do not line up with the parse");
        }
        if (remove.size() < items.size()) {
            removeItems(items, remove);
            return;
        }
        // runs once every read reference is rewritten: the SELECT copies those spans with their edits
        pendingConversion = () -> convertUpdate(target, updateTok, setTok, itemsEnd, end);
    }

    /**
     * Every SET item was gated: running the UPDATE would write each matched row for nothing (a new row
     * version, triggers fired). A SELECT over the same rows answers what the application asked instead:
     * the count of matched rows, or, with RETURNING, the rows it would have returned, unchanged.
     */
    private void convertUpdate(Relation target, int updateTok, int setTok, int itemsEnd, int end) {
        int fromTok = itemsEnd < end && tokens.isWord(itemsEnd, "FROM") ? itemsEnd : -1;
        int afterFrom = fromTok < 0 ? itemsEnd : orEnd(tokens.findWord(fromTok + 1, end, "WHERE", "RETURNING"), end);
        int whereTok = afterFrom < end && tokens.isWord(afterFrom, "WHERE") ? afterFrom : -1;
        int afterWhere = whereTok < 0 ? afterFrom : orEnd(tokens.findWord(whereTok + 1, end, "RETURNING"), end);
        int returningTok = afterWhere < end && tokens.isWord(afterWhere, "RETURNING") ? afterWhere : -1;
        if (whereTok >= 0 && whereTok + 1 < end && tokens.isWord(whereTok + 1, "CURRENT")
                && whereTok + 2 < end && tokens.isWord(whereTok + 2, "OF")) {
            throw Abandon.unsupported("UPDATE … WHERE CURRENT OF");
        }
        TextComposer out = composer();
        out.range(0, tokens.begin(updateTok));
        int tableFrom = tokens.begin(updateTok + 1);
        int tableTo = tokens.end(setTok - 1);
        if (returningTok < 0) {
            out.literal("SELECT count(*) FROM ").range(tableFrom, tableTo);
            if (fromTok >= 0) {
                out.literal(" WHERE EXISTS (SELECT 1 FROM ").range(tokens.begin(fromTok + 1), tokens.end(afterFrom - 1));
                if (whereTok >= 0) {
                    out.literal(" ").range(tokens.begin(whereTok), tokens.end(afterWhere - 1));
                }
                out.literal(")");
            } else if (whereTok >= 0) {
                out.literal(" ").range(tokens.begin(whereTok), tokens.end(afterWhere - 1));
            }
            conversion = new Outcome(out.text(), out.parameterMap(), true);
            return;
        }
        out.literal("SELECT ");
        if (fromTok >= 0) {
            // a joined UPDATE changes each target row once, however many FROM rows match it
            out.literal("DISTINCT ON (" + target.qualifier() + ".ctid) ");
        }
        out.range(tokens.begin(returningTok + 1), tokens.end(end - 1));
        out.literal(" FROM ").range(tableFrom, tableTo);
        if (fromTok >= 0) {
            out.literal(", ").range(tokens.begin(fromTok + 1), tokens.end(afterFrom - 1));
        }
        if (whereTok >= 0) {
            out.literal(" ").range(tokens.begin(whereTok), tokens.end(afterWhere - 1));
        }
        conversion = new Outcome(out.text(), out.parameterMap(), false);
    }

    private static int orEnd(int tok, int end) {
        return tok < 0 ? end : tok;
    }

    /** Index one past the last token that belongs to the statement (a trailing semicolon does not). */
    private int statementEndToken() {
        int end = tokens.size();
        while (end > 0 && ";".equals(tokens.image(end - 1))) {
            end--;
        }
        return end;
    }

    private List<ColumnMigration> gatedMigrations(Relation target) {
        List<ColumnMigration> gated = new ArrayList<>();
        for (ColumnMigration m : target.migrations()) {
            if (m.writesGated()) {
                gated.add(m);
            }
        }
        return gated;
    }

    private static boolean isGated(Column c, List<ColumnMigration> gated) {
        String name = Identifiers.normalize(c.getColumnName());
        for (ColumnMigration m : gated) {
            if (m.column().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private List<Integer> gatedSetItems(List<UpdateSet> sets, List<ColumnMigration> gated) {
        List<Integer> remove = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            UpdateSet set = sets.get(i);
            int hits = 0;
            for (Column c : set.getColumns()) {
                if (isGated(c, gated)) {
                    hits++;
                }
            }
            if (hits == 0) {
                continue;
            }
            if (set.getColumns().size() != 1) {
                throw Abandon.unsupported("gated column inside a SET (a, b) = (…) list");
            }
            remove.add(i);
        }
        return remove;
    }

    /** Removes list items (token ranges {first, last}) together with the commas that separate them. */
    private void removeItems(List<int[]> items, List<Integer> remove) {
        int[][] spans = new int[items.size()][];
        for (int i = 0; i < items.size(); i++) {
            spans[i] = new int[] {tokens.begin(items.get(i)[0]), tokens.end(items.get(i)[1])};
        }
        removeSpans(spans, remove);
    }

    private void removeSpans(int[][] spans, List<Integer> remove) {
        Set<Integer> removed = new HashSet<>(remove);
        if (removed.size() >= spans.length) {
            throw Abandon.unsupported("every item of a list would go");
        }
        for (int i : remove) {
            if (i + 1 < spans.length) {
                edits.add(new Edit(spans[i][0], spans[i + 1][0], ""));
            } else {
                int prev = i - 1;
                while (removed.contains(prev)) {
                    prev--;
                }
                edits.add(new Edit(spans[prev][1], spans[i][1], ""));
            }
        }
    }

    // ------------------------------------------------------------------ INSERT

    private void prepareInsert(Insert insert) {
        Relation target = tableRelation(insert.getTable());
        Relation excluded = new Relation("excluded", null, "excluded", target.tableKey(), target.migrations(),
                target.columns(), true);
        statementScope = new Scope(List.of(target, excluded), null);
        expandReturningStar = true;
        if (insert.getSelect() != null) {
            insertBody = spanOf(insert.getSelect());
        }
        if (insert.getColumns() != null) {
            notReads.addAll(insert.getColumns());
        }
        InsertConflictAction action = insert.getConflictAction();
        if (action != null && action.getUpdateSets() != null) {
            for (UpdateSet set : action.getUpdateSets()) {
                notReads.addAll(set.getColumns());
            }
        }
        List<ColumnMigration> gated = gatedMigrations(target);
        if (gated.isEmpty()) {
            return;
        }
        if (insert.getConflictTarget() != null && insert.getConflictTarget().getIndexColumnNames() != null) {
            for (String name : insert.getConflictTarget().getIndexColumnNames()) {
                for (ColumnMigration m : gated) {
                    if (m.column().equals(Identifiers.normalize(name))) {
                        throw Abandon.unsupported("ON CONFLICT on a gated column");
                    }
                }
            }
        }
        gateInsertColumns(insert, gated);
        gateConflictUpdate(insert, action, target, gated);
    }

    private void gateInsertColumns(Insert insert, List<ColumnMigration> gated) {
        List<Column> columns = insert.getColumns();
        if (columns == null || columns.isEmpty()) {
            return; // positional INSERT: the application lists every existing column itself
        }
        List<Integer> remove = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (isGated(columns.get(i), gated)) {
                remove.add(i);
            }
        }
        if (remove.isEmpty()) {
            return;
        }
        Select body = insert.getSelect();
        if (remove.size() == columns.size()) {
            insertDefaultValues(insert, body);
            return;
        }
        int[][] columnSpans = new int[columns.size()][];
        for (int i = 0; i < columns.size(); i++) {
            columnSpans[i] = spanOf(columns.get(i));
            if (columnSpans[i] == null) {
                throw Abandon.unsupported("INSERT column without position");
            }
        }
        removeSpans(columnSpans, remove);
        removeFromBody(body, remove, columns.size());
    }

    private void removeFromBody(Select body, List<Integer> remove, int width) {
        if (body instanceof Values values) {
            removeFromValues(values, remove, width);
        } else if (body instanceof PlainSelect ps) {
            removeSelectItems(ps, remove, width);
        } else if (body instanceof SetOperationList sol) {
            for (Select branch : sol.getSelects()) {
                removeFromBody(branch, remove, width);
            }
        } else if (body instanceof ParenthesedSelect p) {
            removeFromBody(p.getSelect(), remove, width);
        } else {
            throw Abandon.unsupported("INSERT body of an unknown shape");
        }
    }

    private void removeSelectItems(PlainSelect ps, List<Integer> remove, int width) {
        List<SelectItem<?>> items = ps.getSelectItems();
        if (items.size() != width) {
            throw Abandon.unsupported("INSERT … SELECT list does not match its column list");
        }
        int[][] spans = new int[width][];
        for (int i = 0; i < width; i++) {
            if (items.get(i).getExpression() instanceof AllColumns) {
                throw Abandon.unsupported("INSERT … SELECT *");
            }
            spans[i] = spanOf(items.get(i));
            if (spans[i] == null) {
                throw Abandon.unsupported("select item without position");
            }
        }
        removeSpans(spans, remove);
    }

    /** Each VALUES row is {@code ( … )}; rows are found on the tokens, items split at top-level commas. */
    private void removeFromValues(Values values, List<Integer> remove, int width) {
        int[] span = spanOf(values);
        if (span == null) {
            throw Abandon.unsupported("VALUES without position");
        }
        for (int[] row : valuesRows(span)) {
            List<int[]> items = tokens.splitTopLevel(row[0] + 1, row[1]);
            if (items.size() != width) {
                throw Abandon.unsupported("VALUES row width differs from the column list");
            }
            removeItems(items, remove);
        }
    }

    /** Token indexes {open, close} of each parenthesised row of a VALUES clause. */
    private List<int[]> valuesRows(int[] span) {
        int first = tokens.at(span[0]);
        if (first < 0 || !tokens.isWord(first, "VALUES")) {
            throw Abandon.unsupported("VALUES clause not where the parse put it");
        }
        int last = tokens.endingAtOrBefore(span[1]);
        List<int[]> rows = new ArrayList<>();
        int i = first + 1;
        while (i <= last) {
            if (!tokens.isOpen(i)) {
                throw Abandon.unsupported("VALUES row is not parenthesised");
            }
            int close = tokens.matching(i);
            if (close < 0 || close > last) {
                throw Abandon.unsupported("unbalanced VALUES row");
            }
            rows.add(new int[] {i, close});
            i = close + 1;
            if (i <= last) {
                if (!tokens.isComma(i)) {
                    throw Abandon.unsupported("unexpected token between VALUES rows");
                }
                i++;
            }
        }
        return rows;
    }

    /** Every listed column is gated: a single row becomes {@code DEFAULT VALUES}. */
    private void insertDefaultValues(Insert insert, Select body) {
        if (!(body instanceof Values values)) {
            throw Abandon.unsupported("INSERT … SELECT of gated columns only");
        }
        int[] span = spanOf(values);
        List<int[]> rows = valuesRows(span);
        if (rows.size() != 1) {
            throw Abandon.unsupported("multi-row INSERT of gated columns only");
        }
        int[] firstColumn = spanOf(insert.getColumns().get(0));
        int open = tokens.at(firstColumn[0]) - 1;
        if (open < 0 || !tokens.isOpen(open)) {
            throw Abandon.unsupported("column list not found");
        }
        edits.add(new Edit(tokens.begin(open), tokens.end(rows.get(0)[1]), "DEFAULT VALUES"));
    }

    private void gateConflictUpdate(Insert insert, InsertConflictAction action, Relation target,
                                    List<ColumnMigration> gated) {
        if (action == null || action.getUpdateSets() == null || action.getUpdateSets().isEmpty()) {
            return;
        }
        List<Integer> remove = gatedSetItems(action.getUpdateSets(), gated);
        if (remove.isEmpty()) {
            return;
        }
        int from = insertBody != null ? tokens.atOrAfter(insertBody[1]) : 0;
        int end = statementEndToken();
        int setTok = -1;
        for (int i = from; i + 2 < end; i++) {
            if (tokens.isWord(i, "DO") && tokens.isWord(i + 1, "UPDATE") && tokens.isWord(i + 2, "SET")) {
                setTok = i + 2;
                break;
            }
        }
        if (setTok < 0) {
            throw Abandon.unsupported("ON CONFLICT DO UPDATE SET not found");
        }
        int itemsEnd = orEnd(tokens.findWord(setTok + 1, end, "WHERE", "RETURNING"), end);
        List<int[]> items = tokens.splitTopLevel(setTok + 1, itemsEnd);
        if (items.size() != action.getUpdateSets().size()) {
            throw Abandon.unsupported("ON CONFLICT SET items do not line up with the parse");
        }
        if (remove.size() < items.size()) {
            removeItems(items, remove);
            return;
        }
        // Nothing left to set: keep DO UPDATE (it still locks and returns the row, and counts it) with a
        // no-op assignment of the conflict column to itself.
        List<String> conflictColumns = insert.getConflictTarget() == null ? null
                : insert.getConflictTarget().getIndexColumnNames();
        if (conflictColumns == null || conflictColumns.isEmpty()) {
            throw Abandon.unsupported("ON CONFLICT DO UPDATE of gated columns only, without a conflict column");
        }
        String column = conflictColumns.get(0);
        edits.add(new Edit(tokens.begin(items.get(0)[0]), tokens.end(items.get(items.size() - 1)[1]),
                column + " = " + target.qualifier() + "." + column));
    }

    // ------------------------------------------------------------------ MERGE

    /**
     * MERGE (PostgreSQL 15+) is passed unchanged when it involves a migrating table: its actions mix reads
     * and writes of two relations in ways the rewriter does not gate yet, so it fails open, counted.
     */
    private Outcome rejectMerge(Merge merge) {
        List<Relation> relations = new ArrayList<>();
        relations.add(tableRelation(merge.getTable()));
        if (merge.getFromItem() != null) {
            addRelations(merge.getFromItem(), relations);
        }
        for (Relation r : relations) {
            if (!r.migrations().isEmpty()) {
                throw Abandon.unsupported("MERGE on or from a migrating table");
            }
        }
        for (Node n : columnNodes) {
            Column c = (Column) n.jjtGetValue();
            if (index.isMigratingColumnName(Identifiers.normalize(c.getColumnName()))) {
                throw Abandon.unsupported("MERGE mentioning a migrating column name");
            }
        }
        return null;
    }
}
