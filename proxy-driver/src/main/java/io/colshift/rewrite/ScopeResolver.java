package io.colshift.rewrite;

import io.colshift.state.ColumnMigration;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.parser.Node;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
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

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which relation a column reference belongs to, resolved the way PostgreSQL does: the relations each query
 * block exposes (tables with their alias or name, derived tables, CTE references, functions), searched from
 * the innermost block outwards, with the snapshot's column lists for unqualified names.
 */
final class ScopeResolver {

    private final EditContext ctx;
    private final MigrationIndex index;
    private final Map<Object, Node> nodeOf;
    private final Set<Column> notReads;
    private final Map<Node, Scope> scopes = new IdentityHashMap<>();
    private final Set<Object> scopesInProgress = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Node, List<Relation>> building = new IdentityHashMap<>();
    private final Map<String, WithItem<?>> ctes = new HashMap<>();

    private Scope statementScope = Scope.NONE;
    /** Span of an INSERT's VALUES/SELECT body: the target table is not visible inside it. */
    private int[] insertBody;
    private Set<PlainSelect> expandedStars = Set.of();

    ScopeResolver(EditContext ctx) {
        this.ctx = ctx;
        this.index = ctx.index();
        this.nodeOf = ctx.nodeOf();
        this.notReads = ctx.notReads();
    }

    /** Relations of the statement itself (DML target, FROM/USING items): the outermost scope. */
    void statementRelations(List<Relation> relations) {
        statementScope = new Scope(List.copyOf(relations), null);
    }

    Scope statementScope() {
        return statementScope;
    }

    /**
     * Query blocks whose {@code *} lists are expanded into explicit column lists: a migrating column they
     * show already carries its read expression, so nothing is handed on raw to the enclosing block.
     */
    void expandedStars(Set<PlainSelect> blocks) {
        expandedStars = blocks;
    }

    void insertBody(int[] span) {
        insertBody = span;
    }

    private int[] spanOf(Object element) {
        return ctx.spanOf(element);
    }

    private String text(int[] span) {
        return ctx.text(span);
    }

    void collectCtes(Statement statement) {
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

    Relation tableRelation(Table table) {
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

    void addRelations(FromItem item, List<Relation> out) {
        if (item == null) {
            return;
        }
        Alias alias = item.getAlias();
        if (item instanceof Table table) {
            if (table.getSchemaName() == null && ctes.containsKey(Identifiers.normalize(table.getName()))) {
                WithItem<?> cte = ctes.get(Identifiers.normalize(table.getName()));
                Set<String> columns = cteColumns(cte);
                String exposed = Identifiers.normalize(alias != null ? alias.getName() : table.getName());
                boolean renamed = cte.getWithItemList() != null && !cte.getWithItemList().isEmpty();
                List<ColumnMigration> passed = renamed || cte.getSelect() == null || !scopesInProgress.add(cte)
                        ? List.of() : starPassedOnce(cte, cte.getSelect().getSelect(), alias);
                out.add(new Relation(exposed, null, alias != null ? alias.getName() : table.getName(), null,
                        passed, aliasColumnsOr(alias, columns), false));
            } else {
                out.add(tableRelation(table));
            }
        } else if (item instanceof ParenthesedFromItem pfi && isAliasedValues(pfi)) {
            // (VALUES …) AS v(a, b): the parser puts the alias on the brackets, PostgreSQL on the VALUES list
            out.add(new Relation(Identifiers.normalize(alias.getName()), null, alias.getName(), null, List.of(),
                    aliasColumnsOr(alias, null), false));
        } else if (item instanceof ParenthesedFromItem pfi) {
            addRelations(pfi.getFromItem(), out);
            addJoins(pfi.getJoins(), out);
        } else if (item instanceof ParenthesedSelect ps) {
            Set<String> columns = outputColumns(ps.getSelect());
            List<ColumnMigration> passed = alias == null ? List.of() : starPassed(ps.getSelect(), alias);
            out.add(new Relation(alias == null ? null : Identifiers.normalize(alias.getName()), null,
                    alias == null ? null : alias.getName(), null, passed, aliasColumnsOr(alias, columns), false));
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

    /** {@code (VALUES …) AS v(…)}: a bracketed VALUES list without joins, named by the alias on the brackets. */
    static boolean isAliasedValues(ParenthesedFromItem pfi) {
        return pfi.getAlias() != null && pfi.getFromItem() instanceof Values && pfi.getFromItem().getAlias() == null
                && (pfi.getJoins() == null || pfi.getJoins().isEmpty());
    }

    private List<ColumnMigration> starPassedOnce(Object guard, Select select, Alias alias) {
        try {
            return starPassed(select, alias);
        } finally {
            scopesInProgress.remove(guard);
        }
    }

    /**
     * Migrations whose raw, possibly NULL column a derived table or CTE hands on through {@code *} or
     * {@code t.*} while reads coalesce. References to it outside get the same COALESCE, qualified by the
     * derived table's name: it shows every column of the table, so every column the fallback uses.
     * (In {@code declared} the star already gained the typed fallback, so nothing is handed on raw.)
     */
    private List<ColumnMigration> starPassed(Select select, Alias alias) {
        if (alias != null && alias.getAliasColumns() != null && !alias.getAliasColumns().isEmpty()) {
            return List.of(); // renamed columns: the fallback's column names may not hold any more
        }
        Select body = select;
        while (body instanceof ParenthesedSelect p) {
            body = p.getSelect();
        }
        if (body instanceof SetOperationList sol && !sol.getSelects().isEmpty()) {
            body = sol.getSelect(0);
            while (body instanceof ParenthesedSelect p) {
                body = p.getSelect();
            }
        }
        if (!(body instanceof PlainSelect ps) || expandedStars.contains(ps)) {
            return List.of();
        }
        List<ColumnMigration> passed = new ArrayList<>();
        Scope scope = scopeOf(ps);
        for (SelectItem<?> item : ps.getSelectItems()) {
            List<Relation> sources = new ArrayList<>();
            if (item.getExpression() instanceof AllTableColumns atc) {
                Relation r = findRelation(scope, atc.getTable(), false);
                if (r != null) {
                    sources.add(r);
                }
            } else if (item.getExpression() instanceof AllColumns) {
                sources.addAll(scope.relations());
            }
            for (Relation r : sources) {
                for (ColumnMigration m : r.migrations()) {
                    if (m.phase().readMode() == io.colshift.state.Phase.ReadMode.COALESCE && !passed.contains(m)) {
                        passed.add(m);
                    }
                }
            }
        }
        return passed;
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

    void addJoins(List<Join> joins, List<Relation> out) {
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
    Set<String> outputColumns(Select select) {
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

    Scope scopeOf(PlainSelect ps) {
        Node node = ps.getASTNode() != null ? ps.getASTNode() : nodeOf.get(ps);
        return scopeOfNode(node, ps);
    }

    Scope scopeOfNode(Node node, PlainSelect ps) {
        Scope cached = scopes.get(node);
        if (cached != null) {
            return cached;
        }
        if (!scopesInProgress.add(ps)) {
            // a subquery in this block's FROM: it sees the block's relations (a LATERAL one may use them),
            // through a view of the list still being filled, complete before any reference is resolved
            List<Relation> partial = building.get(node);
            return new Scope(partial == null ? List.of() : Collections.unmodifiableList(partial), parentScope(node));
        }
        try {
            List<Relation> relations = new ArrayList<>();
            building.put(node, relations);
            addRelations(ps.getFromItem(), relations);
            addJoins(ps.getJoins(), relations);
            Scope scope = new Scope(List.copyOf(relations), parentScope(node));
            scopes.put(node, scope);
            return scope;
        } finally {
            scopesInProgress.remove(ps);
            building.remove(node);
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

    Scope scopeAt(Node node) {
        for (Node p = node.jjtGetParent(); p != null; p = p.jjtGetParent()) {
            if (p.jjtGetValue() instanceof PlainSelect ps && "PlainSelect".equals(p.toString())) {
                return scopeOfNode(p, ps);
            }
        }
        return parentScope(node);
    }

    /** The relation a qualifier names, searching outwards; null when no block exposes it. */
    Relation findRelation(Scope scope, Table qualifier, boolean outwards) {
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
    Relation resolveUnqualified(Scope scope, String name) {
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
}
