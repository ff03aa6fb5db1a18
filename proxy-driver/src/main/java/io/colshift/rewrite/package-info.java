/**
 * Statement rewriting: every SQL string on its way to the real driver passes {@link io.colshift.rewrite.RewriteEngine},
 * which makes it see the target schema of every column migration in its current phase.
 *
 * <h2>How a statement is rewritten</h2>
 * The engine parses with JSQLParser (on the caller's thread, bounded in time) and never re-prints the tree: it
 * computes edits at the tokens' character offsets and splices them into the original text, so comments, hints,
 * casing and spacing outside the edited spans stay byte for byte, and the same text under the same state
 * version always yields the same result.
 *
 * <h2>Reads</h2>
 * <ul>
 *   <li>{@code declared}: a reference becomes {@code CAST(<fallback> AS <type>)}; {@code expanded} to
 *       {@code backfilled}: {@code COALESCE(<reference>, <fallback>)}. A select-list or RETURNING item that was
 *       only the column keeps its name as label ({@code AS status}). Column references inside the fallback are
 *       qualified with the alias of the table the rewritten reference belongs to.</li>
 *   <li>WHERE, JOIN ON, GROUP BY, HAVING, window, DISTINCT ON, ORDER BY and RETURNING references are rewritten
 *       the same way. A bare ORDER BY name that matches an output column names that output column (which
 *       already carries the rewritten value) and stays as written; so do ORDER BY names of UNION/INTERSECT/EXCEPT.</li>
 *   <li>{@code *} and {@code t.*} over a migrating table are spelled out as the table's columns in catalog order
 *       (from the snapshot): in {@code declared} with {@code CAST(<fallback> AS <type>) AS <column>} last (where
 *       ADD COLUMN will put it), from {@code expanded} on with {@code COALESCE(<column>, <fallback>) AS <column>} in
 *       the column's own place; in the outer query, derived tables, CTEs and RETURNING; not in EXISTS/IN/scalar
 *       subqueries (no reader sees them), not in INSERT … SELECT (it would change what is inserted), and not when
 *       only some branches of a set operation would gain a column (the statement is then unrewritable). A derived
 *       table or CTE that hands the raw column on through {@code *} has its outside references coalesced,
 *       qualified by its own name (it shows every column the fallback uses).</li>
 * </ul>
 *
 * <h2>Writes while gated ({@code declared}, or the write flag off)</h2>
 * <ul>
 *   <li>INSERT: the column leaves the column list together with its value in every VALUES row, or its item in
 *       INSERT … SELECT (each branch of a set operation). An INSERT of the gated column only becomes
 *       {@code DEFAULT VALUES} (single row; several rows pass unchanged). An INSERT without a column list is
 *       positional and passes unchanged.</li>
 *   <li>ON CONFLICT … DO UPDATE: gated SET items go; {@code EXCLUDED.col} elsewhere reads the fallback. When
 *       no SET item is left the action becomes {@code SET <conflict column> = <target>.<conflict column>}: it
 *       still locks, counts and returns the conflicting row as written (a {@code DO NOTHING} would not).</li>
 *   <li>UPDATE: gated SET items go. An UPDATE whose only SET items were gated must not write (no new row
 *       versions, no triggers) yet must report its matched rows: it becomes
 *       {@code SELECT count(*) FROM <target> WHERE …} ({@link io.colshift.rewrite.Rewrite#countInsteadOfUpdate()}),
 *       with {@code WHERE EXISTS (SELECT 1 FROM <from items> WHERE …)} for UPDATE … FROM so each target row counts
 *       once. With RETURNING the application reads rows, not a count, so it becomes a plain
 *       {@code SELECT <returning items> FROM <target>[, <from items>] WHERE …} returning the rows the UPDATE would
 *       have returned, unchanged (with {@code DISTINCT ON (<target>.ctid)} after a FROM). These SELECTs take no
 *       row locks.</li>
 *   <li>MERGE (PostgreSQL 15+): the same gating inside its UPDATE SET and INSERT lists; an UPDATE action left
 *       empty assigns the table's first other column to itself, an INSERT action left empty inserts defaults.
 *       {@code WHEN … THEN DO NOTHING} is not read by the parser: such MERGE statements pass unchanged.</li>
 *   <li>A gated column inside {@code SET (a, b) = (…)}, a conflict target on the gated column, or a data-modifying
 *       CTE pass unchanged (counted as unsupported). The no-op assignments above cannot target a
 *       {@code GENERATED ALWAYS} identity column.</li>
 * </ul>
 *
 * <h2>Wrapped queries</h2>
 * The query inside {@code EXPLAIN}, {@code PREPARE … AS}, {@code DECLARE … CURSOR FOR}, {@code CREATE TABLE … AS},
 * {@code CREATE [MATERIALIZED] VIEW … AS} and {@code COPY ( … ) TO} is located on the tokens
 * ({@link io.colshift.rewrite.WrappedQuery}); everything around it is blanked with spaces, so the parser reads
 * the inner statement at its original offsets, it is rewritten as any statement, and the edits are spliced into
 * the original text (wrapper kept byte for byte, placeholders renumbered by the same composer). A view is the
 * exception: its definition would keep the read fallback after the migration, so a view whose query would be
 * rewritten is unrewritable on purpose. {@code SELECT … INTO t} is a SELECT; {@code INTO TEMP t} and the like
 * parse through a pre-parse relaxation ({@link io.colshift.rewrite.Relaxations}), as do {@code ORDER BY … USING
 * <op>} and string literals continued on the next line.
 *
 * <h2>Resolution and statements that cannot be rewritten</h2>
 * Unqualified names are resolved against the relations of the innermost query block first, then outwards;
 * a base table the snapshot does not list is known not to have the column. When a name could belong to the
 * migrating table and another relation of the same block (or a derived table whose columns cannot be known),
 * the statement is not rewritten and counts as ambiguous. Parse failures, timeouts, JOIN USING / NATURAL JOIN
 * over the migrating column, and every shape above that is not handled are counted and logged once per distinct
 * statement with string literals masked. Such a statement is sent as written unless it touches a migrating
 * column or a {@code *} over a migrating table ({@link io.colshift.rewrite.TouchScanner}, on the tokens, so
 * names inside literals, comments and function bodies do not count): then its {@link io.colshift.rewrite.Rewrite}
 * carries an {@link io.colshift.rewrite.Unrewritable} saying why, which migrations it touches and whether sending
 * it unchanged may read a wrong value silently (from {@code expanded} on). The connection's policy
 * ({@code colshift.unrewritable}, {@code colshift.strict}) decides whether it runs; the rewriter itself never
 * throws. DDL, COPY … FROM, SET and other utility statements pass unchanged. Parse timeouts are retried a few
 * times before being cached, since a busy CPU can cause them.
 *
 * <h2>Cost</h2>
 * A statement whose text names no migrating table costs one scan and no allocation. Results (final SQL and
 * parameter map, never the parse tree) are cached by SQL text and state version.
 */
package io.colshift.rewrite;
