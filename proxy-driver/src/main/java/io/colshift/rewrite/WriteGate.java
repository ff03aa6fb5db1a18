package io.colshift.rewrite;

import io.colshift.state.ColumnMigration;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.InsertConflictAction;
import net.sf.jsqlparser.statement.merge.MergeInsert;
import net.sf.jsqlparser.statement.merge.MergeUpdate;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Removes writes of gated columns ({@code declared}, or the write flag off) from INSERT, ON CONFLICT,
 * UPDATE and MERGE, together with their values and placeholders. List items are found on the tokens
 * (split at top-level commas) and checked against the parse, so a list the parse does not line up with is
 * never edited: the statement passes unchanged instead.
 */
final class WriteGate {

    private final EditContext ctx;
    private final TokenIndex tokens;
    private final List<Edit> edits;

    WriteGate(EditContext ctx) {
        this.ctx = ctx;
        this.tokens = ctx.tokens();
        this.edits = ctx.edits();
    }

    private int[] spanOf(Object element) {
        return ctx.spanOf(element);
    }

    /**
     * Removes gated SET items of an UPDATE. When every item is gated, returns the SELECT that replaces it, to
     * be built once read references are rewritten (it copies their spans with their edits); otherwise null.
     */
    Supplier<StatementEditor.Outcome> gateUpdate(Update update, Relation target) {
        List<ColumnMigration> gated = gatedMigrations(target);
        if (gated.isEmpty()) {
            return null;
        }
        List<Integer> remove = gatedSetItems(update.getUpdateSets(), gated);
        if (remove.isEmpty()) {
            return null;
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
        int end = ctx.statementEndToken();
        int itemsEnd = EditContext.orEnd(tokens.findWord(setTok + 1, end, "FROM", "WHERE", "RETURNING"), end);
        List<int[]> items = setItems(setTok, itemsEnd, update.getUpdateSets(), "SET");
        if (remove.size() < items.size()) {
            removeItems(items, remove);
            return null;
        }
        return () -> convertUpdate(target, updateTok, setTok, itemsEnd, end);
    }

    /** Removes gated columns from an INSERT and from its ON CONFLICT … DO UPDATE SET list. */
    void gateInsert(Insert insert, Relation target, int[] insertBody) {
        List<ColumnMigration> gated = gatedMigrations(target);
        if (gated.isEmpty()) {
            return;
        }
        if (insert.getConflictTarget() != null && insert.getConflictTarget().getIndexColumnNames() != null) {
            for (String name : insert.getConflictTarget().getIndexColumnNames()) {
                if (isGated(Identifiers.normalize(name), gated)) {
                    throw Abandon.unsupported("ON CONFLICT on a gated column");
                }
            }
        }
        gateInsertColumns(insert, gated);
        gateConflictUpdate(insert, insert.getConflictAction(), target, gated, insertBody);
    }

    /**
     * MERGE (PostgreSQL 15+): gated columns leave its UPDATE SET and INSERT lists. An UPDATE action left with
     * nothing to set assigns the target's first other column to itself, so the action still matches, locks
     * and counts its rows as written; an INSERT left with no column becomes {@code INSERT DEFAULT VALUES}.
     */
    void gateMerge(List<MergeUpdate> updates, List<MergeInsert> inserts, Relation target) {
        List<ColumnMigration> gated = gatedMigrations(target);
        if (gated.isEmpty()) {
            return;
        }
        int end = ctx.statementEndToken();
        List<Integer> updateSets = new ArrayList<>();
        List<Integer> insertStarts = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i + 1 < end; i++) {
            if (tokens.isOpen(i)) {
                depth++;
            } else if (tokens.isClose(i)) {
                depth--;
            } else if (depth == 0 && tokens.isWord(i, "THEN")) {
                if (i + 2 < end && tokens.isWord(i + 1, "UPDATE") && tokens.isWord(i + 2, "SET")) {
                    updateSets.add(i + 2);
                } else if (tokens.isWord(i + 1, "INSERT")) {
                    insertStarts.add(i + 1);
                }
            }
        }
        if (updateSets.size() != updates.size() || insertStarts.size() != inserts.size()) {
            throw Abandon.unsupported("MERGE actions do not line up with the parse");
        }
        for (int k = 0; k < updates.size(); k++) {
            gateMergeUpdate(updates.get(k), updateSets.get(k), end, target, gated);
        }
        for (MergeInsert insert : inserts) {
            gateMergeInsert(insert, gated);
        }
    }

    /**
     * Every SET item was gated: running the UPDATE would write each matched row for nothing (a new row
     * version, triggers fired). A SELECT over the same rows answers what the application asked instead:
     * the count of matched rows, or, with RETURNING, the rows it would have returned, unchanged.
     */
    private StatementEditor.Outcome convertUpdate(Relation target, int updateTok, int setTok, int itemsEnd, int end) {
        int fromTok = itemsEnd < end && tokens.isWord(itemsEnd, "FROM") ? itemsEnd : -1;
        int afterFrom = fromTok < 0 ? itemsEnd : EditContext.orEnd(tokens.findWord(fromTok + 1, end, "WHERE", "RETURNING"), end);
        int whereTok = afterFrom < end && tokens.isWord(afterFrom, "WHERE") ? afterFrom : -1;
        int afterWhere = whereTok < 0 ? afterFrom : EditContext.orEnd(tokens.findWord(whereTok + 1, end, "RETURNING"), end);
        int returningTok = afterWhere < end && tokens.isWord(afterWhere, "RETURNING") ? afterWhere : -1;
        if (whereTok >= 0 && whereTok + 1 < end && tokens.isWord(whereTok + 1, "CURRENT")
                && whereTok + 2 < end && tokens.isWord(whereTok + 2, "OF")) {
            throw Abandon.unsupported("UPDATE … WHERE CURRENT OF");
        }
        TextComposer out = ctx.composer();
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
            return new StatementEditor.Outcome(out.text(), out.parameterMap(), true);
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
        return new StatementEditor.Outcome(out.text(), out.parameterMap(), false);
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

    /** 0-based positions of the gated columns in an INSERT column list, in order. */
    private static List<Integer> gatedPositions(List<Column> columns, List<ColumnMigration> gated) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (isGated(columns.get(i), gated)) {
                positions.add(i);
            }
        }
        return positions;
    }

    private static boolean isGated(Column c, List<ColumnMigration> gated) {
        return isGated(Identifiers.normalize(c.getColumnName()), gated);
    }

    /** @param name a column name as the catalog spells it */
    private static boolean isGated(String name, List<ColumnMigration> gated) {
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

    /** The items of a SET list on the tokens; abandons unless there are as many as the parse found. */
    private List<int[]> setItems(int setTok, int itemsEnd, List<UpdateSet> parsed, String clause) {
        List<int[]> items = tokens.splitTopLevel(setTok + 1, itemsEnd);
        if (items.size() != parsed.size()) {
            throw Abandon.unsupported(clause + " items do not line up with the parse");
        }
        return items;
    }

    /** Replaces a whole SET list by a column assigned to itself: the action still runs, locks and counts its rows. */
    private void assignToItself(List<int[]> items, String column, Relation target) {
        edits.add(new Edit(tokens.begin(items.get(0)[0]), tokens.end(items.get(items.size() - 1)[1]),
                column + " = " + target.qualifier() + "." + column));
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

    private void gateInsertColumns(Insert insert, List<ColumnMigration> gated) {
        List<Column> columns = insert.getColumns();
        if (columns == null || columns.isEmpty()) {
            return; // positional INSERT: the application lists every existing column itself
        }
        List<Integer> remove = gatedPositions(columns, gated);
        if (remove.isEmpty()) {
            return;
        }
        Select body = insert.getSelect();
        if (remove.size() == columns.size()) {
            insertDefaultValues(insert, body);
            return;
        }
        removeSpans(columnSpans(columns, "INSERT"), remove);
        removeFromBody(body, remove, columns.size());
    }

    /** Source spans of the columns of an INSERT list; abandons when the parse placed one nowhere. */
    private int[][] columnSpans(List<Column> columns, String statement) {
        int[][] spans = new int[columns.size()][];
        for (int i = 0; i < columns.size(); i++) {
            spans[i] = spanOf(columns.get(i));
            if (spans[i] == null) {
                throw Abandon.unsupported(statement + " column without position");
            }
        }
        return spans;
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
                                    List<ColumnMigration> gated, int[] insertBody) {
        if (action == null || action.getUpdateSets() == null || action.getUpdateSets().isEmpty()) {
            return;
        }
        List<Integer> remove = gatedSetItems(action.getUpdateSets(), gated);
        if (remove.isEmpty()) {
            return;
        }
        int from = insertBody != null ? tokens.atOrAfter(insertBody[1]) : 0;
        int end = ctx.statementEndToken();
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
        int itemsEnd = EditContext.orEnd(tokens.findWord(setTok + 1, end, "WHERE", "RETURNING"), end);
        List<int[]> items = setItems(setTok, itemsEnd, action.getUpdateSets(), "ON CONFLICT SET");
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
        assignToItself(items, conflictColumns.get(0), target);
    }

    private void gateMergeUpdate(MergeUpdate update, int setTok, int end, Relation target, List<ColumnMigration> gated) {
        List<Integer> remove = gatedSetItems(update.getUpdateSets(), gated);
        if (remove.isEmpty()) {
            return;
        }
        int itemsEnd = EditContext.orEnd(tokens.findWord(setTok + 1, end, "WHEN", "RETURNING"), end);
        List<int[]> items = setItems(setTok, itemsEnd, update.getUpdateSets(), "MERGE SET");
        if (remove.size() < items.size()) {
            removeItems(items, remove);
            return;
        }
        assignToItself(items, firstOtherColumn(target, gated), target);
    }

    private String firstOtherColumn(Relation target, List<ColumnMigration> gated) {
        if (target.columns() != null) {
            for (String c : target.columns()) {
                if (!isGated(c, gated)) {
                    return EditContext.label(c);
                }
            }
        }
        throw Abandon.unsupported("MERGE UPDATE of gated columns only, on a table the snapshot does not list");
    }

    private void gateMergeInsert(MergeInsert insert, List<ColumnMigration> gated) {
        List<Column> columns = insert.getColumns();
        if (columns == null || columns.isEmpty()) {
            return;
        }
        List<Integer> remove = gatedPositions(columns, gated);
        if (remove.isEmpty()) {
            return;
        }
        int[][] columnSpans = columnSpans(columns, "MERGE INSERT");
        int closeColumns = tokens.atOrAfter(columnSpans[columns.size() - 1][1]);
        int open = tokens.at(columnSpans[0][0]) - 1;
        int valuesTok = closeColumns + 1;
        if (open < 0 || !tokens.isOpen(open) || closeColumns >= tokens.size() || !tokens.isClose(closeColumns)
                || valuesTok >= tokens.size() || !tokens.isWord(valuesTok, "VALUES")
                || valuesTok + 1 >= tokens.size() || !tokens.isOpen(valuesTok + 1)) {
            throw Abandon.unsupported("MERGE INSERT not in the form (columns) VALUES (values)");
        }
        int valuesClose = tokens.matching(valuesTok + 1);
        if (valuesClose < 0) {
            throw Abandon.unsupported("unbalanced MERGE INSERT VALUES");
        }
        if (remove.size() == columns.size()) {
            edits.add(new Edit(tokens.begin(open), tokens.end(valuesClose), "DEFAULT VALUES"));
            return;
        }
        List<int[]> values = tokens.splitTopLevel(valuesTok + 2, valuesClose);
        if (values.size() != columns.size()) {
            throw Abandon.unsupported("MERGE INSERT VALUES width differs from its column list");
        }
        removeSpans(columnSpans, remove);
        removeItems(values, remove);
    }
}
