package io.colshift.rewrite;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.colshift.state.StateSnapshot;

import io.colshift.state.ColumnMigration;
import io.colshift.state.Phase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The rewriter every statement passes through: null-safe reads and flag-gated writes of migrating columns,
 * per the phases in the design.
 *
 * <ol>
 *   <li>No migration, or the text cannot name a migrating table (one scan, no parser): pass through.
 *       This is the path of almost every statement; it takes no lock and allocates nothing.</li>
 *   <li>Cached result for the SQL text, if it was computed under the current state version: returned as is.
 *       The cache is keyed by the text alone, so a hit allocates nothing; an entry from another version
 *       counts as a miss and is replaced.</li>
 *   <li>Otherwise parse (bounded in time, on the caller's thread), rewrite, cache. Anything that cannot be
 *       handled with certainty (parse failure, timeout, ambiguous column, unsupported shape) passes
 *       unchanged, is counted, and is logged once.</li>
 * </ol>
 *
 * <p>Snapshots with the same version must hold the same state: results are cached by version.
 */
public final class RewriteEngine implements StatementRewriter, AutoCloseable {

    /**
     * Default bound on one parse. Statements parse in about a millisecond once the parser is warm; the bound
     * only stops pathological backtracking, and leaves room for a cold JIT or a starved CPU.
     */
    public static final Duration DEFAULT_PARSE_TIMEOUT = Duration.ofSeconds(1);

    /** A statement whose parse timed out this often for one state version is passed unchanged from then on. */
    static final int TIMEOUTS_BEFORE_GIVING_UP = 3;

    /** Timed-out parses are counted per (text, version): a new version deserves fresh attempts. */
    private record Key(String sql, long version) {
    }

    /** A cached result and the state version it was computed under. */
    private record Entry(long version, Rewrite rewrite) {
    }

    private final Cache<String, Entry> cache;
    /** Timeouts can be transient (GC pause, busy CPU): they are retried a few times before being cached. */
    private final Cache<Key, Integer> timedOut = Caffeine.newBuilder().maximumSize(1024).build();
    private final BoundedParser parser;
    private final FailureLog failureLog = new FailureLog();
    private volatile MigrationIndex index;

    private final LongAdder skipped = new LongAdder();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder rewritten = new LongAdder();
    private final LongAdder unchanged = new LongAdder();
    private final LongAdder parseFailures = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder ambiguous = new LongAdder();
    private final LongAdder unsupported = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder relaxed = new LongAdder();
    private final Relaxations relaxations = new Relaxations();

    /** @param cacheSize most rewrite results kept (the driver's {@code colshift.cacheSize}) */
    public RewriteEngine(int cacheSize) {
        this(cacheSize, DEFAULT_PARSE_TIMEOUT);
    }

    public RewriteEngine(int cacheSize, Duration parseTimeout) {
        if (cacheSize < 0) {
            throw new IllegalArgumentException("cacheSize must be >= 0, got " + cacheSize);
        }
        this.cache = Caffeine.newBuilder().maximumSize(cacheSize).build();
        this.parser = new BoundedParser(Math.max(1, parseTimeout.toMillis()));
    }

    @Override
    public Rewrite rewrite(String sql, StateSnapshot snapshot) {
        try {
            if (sql == null || snapshot == null || !snapshot.rewriting()) {
                return Rewrite.UNCHANGED;
            }
            MigrationIndex idx = indexFor(snapshot);
            if (!idx.mayReference(sql)) {
                skipped.increment();
                return Rewrite.UNCHANGED;
            }
            long version = snapshot.version();
            Entry cached = cache.getIfPresent(sql);
            if (cached != null && cached.version() == version) {
                hits.increment();
                return cached.rewrite();
            }
            misses.increment();
            Object computed = compute(sql, idx, version);
            if (computed instanceof Uncached u) {
                return u.rewrite();
            }
            Rewrite result = (Rewrite) computed;
            if (cached == null || cached.version() <= version) {
                // an older snapshot still in flight must not evict the current version's entry
                cache.put(sql, new Entry(version, result));
            }
            return result;
        } catch (RuntimeException | StackOverflowError e) {
            // the contract is never to throw: whatever went wrong, the application's statement runs as written
            unsupported.increment();
            failureLog.failedOpen("internal error", sql == null ? "" : sql, String.valueOf(e));
            return Rewrite.UNCHANGED;
        }
    }

    private MigrationIndex indexFor(StateSnapshot snapshot) {
        MigrationIndex idx = index;
        if (idx != null && idx.version() == snapshot.version()) {
            return idx;
        }
        idx = new MigrationIndex(snapshot);
        MigrationIndex current = index;
        if (current == null || current.version() <= snapshot.version()) {
            index = idx; // an older snapshot still in flight gets its own index without replacing the newer one
        }
        return idx;
    }

    /** A result not to cache: a timed-out parse may succeed next time. */
    private record Uncached(Rewrite rewrite) {
    }

    /** The result to cache, or {@link Uncached} for a result that must not be cached. */
    private Object compute(String sql, MigrationIndex idx, long version) {
        List<SqlLexer.Token> lexed = SqlLexer.tokens(sql);
        WrappedQuery wrapped = WrappedQuery.locate(sql, lexed);
        if (wrapped != null && placeholderOutside(lexed, wrapped)) {
            unsupported.increment();
            return failedOpen("unsupported", sql, lexed,
                    "a parameter outside the query wrapped by " + wrapped.kind(), idx);
        }
        String text = wrapped == null ? sql : wrapped.blanked(sql);
        ParsedStatement parsed;
        try {
            parsed = parser.parse(text);
        } catch (BoundedParser.Failure f) {
            if (f.timedOut()) {
                timeouts.increment();
                Rewrite failed = failedOpen("parse timed out", sql, lexed, f.getMessage(), idx);
                int attempts = timedOut.asMap().merge(new Key(sql, version), 1, Integer::sum);
                if (attempts >= TIMEOUTS_BEFORE_GIVING_UP) {
                    return failed;
                }
                return new Uncached(failed);
            }
            parsed = relaxations.parse(text, parser);
            if (parsed == null) {
                parseFailures.increment();
                return failedOpen("parse failed", sql, lexed, f.getMessage(), idx);
            }
            relaxed.increment();
        }
        if (!parsed.sql().equals(sql)) {
            // parsed with parts blanked out: every offset is the original's, so the edits splice into it
            parsed = new ParsedStatement(sql, parsed.statement(), parsed.root(), parsed.tokens());
        }
        try {
            StatementEditor.Outcome outcome = new StatementEditor(parsed, idx).run();
            if (outcome == null) {
                if (startsWithTable(lexed, wrapped == null ? 0 : wrapped.begin())) {
                    throw Abandon.unsupported("TABLE statement over a migrating table");
                }
                unchanged.increment();
                // sent as written, but a write with the flag on (say) still uses the column: counted by the driver
                return Rewrite.UNCHANGED.withTouches(
                        TouchClassifier.classify(lexed, parsed.statement(), idx.migrations()));
            }
            if (wrapped != null && outcome.countInsteadOfUpdate()) {
                throw Abandon.unsupported("an UPDATE that writes only gated columns inside " + wrapped.kind());
            }
            if (wrapped != null && wrapped.kind() == WrappedQuery.Kind.VIEW) {
                // A view keeps its definition: the read fallback spliced into it now would still be read after
                // the migration ends, hiding the column's real values (or its NULLs). Create views after contract.
                refused.increment();
                return failedOpen("view over a migrating column", sql, lexed,
                        "the view would keep colshift's read fallback in its definition; create it after contract", idx);
            }
            rewritten.increment();
            Rewrite result = outcome.countInsteadOfUpdate()
                    ? Rewrite.countInsteadOfUpdate(outcome.sql(), outcome.parameterMap())
                    : Rewrite.rewritten(outcome.sql(), outcome.parameterMap());
            return result.withTouches(TouchClassifier.classify(lexed, parsed.statement(), idx.migrations()));
        } catch (Abandon a) {
            (a.reason() == Abandon.Reason.AMBIGUOUS ? ambiguous : unsupported).increment();
            return failedOpen(a.reason().name().toLowerCase(java.util.Locale.ROOT), sql, lexed, a.getMessage(), idx);
        }
    }

    /** {@code TABLE t} (all of t's columns, raw) as the statement or the wrapped query: the parser gives no columns. */
    private static boolean startsWithTable(List<SqlLexer.Token> lexed, int from) {
        for (SqlLexer.Token t : lexed) {
            if (t.begin() >= from) {
                return t.isWord("table");
            }
        }
        return false;
    }

    /** A JDBC placeholder in the wrapper's own text would be numbered by the driver but not by the inner rewrite. */
    private static boolean placeholderOutside(List<SqlLexer.Token> lexed, WrappedQuery wrapped) {
        for (SqlLexer.Token t : lexed) {
            if (t.kind() == SqlLexer.Kind.PLACEHOLDER && (t.begin() < wrapped.begin() || t.begin() >= wrapped.end())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The statement goes as written; logged once. When it touches a migrating column it carries an
     * {@link Unrewritable}, and the connection's policy decides whether it may go at all.
     */
    private Rewrite failedOpen(String reason, String sql, List<SqlLexer.Token> lexed, String detail,
                               MigrationIndex idx) {
        failureLog.failedOpen(reason, sql, detail);
        List<ColumnMigration> touched = TouchScanner.touched(lexed, idx.migrations());
        if (touched.isEmpty()) {
            return Rewrite.UNCHANGED;
        }
        List<String> ids = new ArrayList<>(touched.size());
        boolean wrongRead = false;
        for (ColumnMigration m : touched) {
            if (!ids.contains(m.id())) {
                ids.add(m.id());
            }
            wrongRead |= m.phase().readMode() == Phase.ReadMode.COALESCE;
        }
        List<Touch> touches = new ArrayList<>(ids.size());
        for (String id : ids) {
            touches.add(new Touch(id, false, false, false)); // touched, but how is unknown without a rewrite
        }
        return Rewrite.unrewritable(new Unrewritable(reason, detail, ids, wrongRead)).withTouches(touches);
    }

    public RewriteStats stats() {
        return new RewriteStats(skipped.sum(), hits.sum(), misses.sum(), rewritten.sum(), unchanged.sum(),
                parseFailures.sum(), timeouts.sum(), ambiguous.sum(), unsupported.sum(), refused.sum(), relaxed.sum());
    }

    /** Entries currently cached (approximate). */
    public long cachedEntries() {
        return cache.estimatedSize();
    }

    /** Runs the cache's pending maintenance (eviction) now; for tests and measurements. */
    public void cleanUp() {
        cache.cleanUp();
    }

    /** Stops the parse watchdog thread; the engine must not be used afterwards. */
    @Override
    public void close() {
        parser.close();
    }
}
