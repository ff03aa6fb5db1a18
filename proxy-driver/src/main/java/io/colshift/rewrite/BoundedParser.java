package io.colshift.rewrite;

import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.Node;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.statement.Statement;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Parses on the caller's thread with a time bound. JSQLParser's own timeout submits every parse to an
 * executor and waits on a Future: a thread hop per statement. Here the parser runs directly, and one
 * shared watchdog thread raises the parser's {@code interrupted} flag when the deadline passes; the
 * parser checks that flag in its backtracking loops and gives up.
 *
 * <p>Simple mode first (fast, covers almost everything applications send), complex mode only when the
 * simple grammar fails, as {@code CCJSqlParserUtil} does.
 *
 * <p>The bound is on the parsing thread's <em>CPU time</em>, not on the clock: on a starved machine (a cold JVM
 * loading and compiling the parser while other processes hold the cores) an ordinary statement can take many times
 * its CPU time in wall time, and giving up on it would pass it unchanged — a failed or wrong statement from
 * {@code expanded} on — for no fault of the statement. A pathological statement still exhausts its CPU budget and
 * is given up on. A wall-clock ceiling of {@link #WALL_CEILING_FACTOR} times the budget, for the simple and the
 * complex attempt together, stays as a last resort, and
 * where the JVM cannot measure thread CPU time the bound is the clock, as before.
 */
final class BoundedParser implements AutoCloseable {

    /** Outcome of a parse that did not produce a statement. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean timedOut;

        Failure(String message, boolean timedOut) {
            super(message, null, false, false);
            this.timedOut = timedOut;
        }

        boolean timedOut() {
            return timedOut;
        }
    }

    /** However little CPU a parse got, it is given up on after this many times its budget on the clock. */
    static final int WALL_CEILING_FACTOR = 30;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = cpuTimeMeasurable();

    private final long timeoutNanos;
    private final ScheduledThreadPoolExecutor watchdog;

    BoundedParser(long timeoutMillis) {
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        this.watchdog = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "colshift-parse-watchdog");
            t.setDaemon(true);
            return t;
        });
        this.watchdog.setRemoveOnCancelPolicy(true);
        // the thread exists only while statements are being parsed (cache misses), not for the engine's life
        this.watchdog.setKeepAliveTime(30, TimeUnit.SECONDS);
        this.watchdog.allowCoreThreadTimeOut(true);
    }

    ParsedStatement parse(String sql) throws Failure {
        long start = spentNanos(Thread.currentThread());
        // one ceiling for both attempts: the complex retry does not get a fresh one
        long wallCeiling = System.nanoTime() + timeoutNanos * WALL_CEILING_FACTOR;
        Failure simple;
        try {
            return attempt(sql, false, timeoutNanos, wallCeiling);
        } catch (Failure f) {
            if (f.timedOut()) {
                throw f;
            }
            simple = f;
        }
        long left = timeoutNanos - (spentNanos(Thread.currentThread()) - start);
        if (left <= 0) {
            throw new Failure("parse time exhausted in simple mode", true);
        }
        try {
            return attempt(sql, true, left, wallCeiling);
        } catch (Failure f) {
            throw f.timedOut() ? f : simple;
        }
    }

    private ParsedStatement attempt(String sql, boolean complex, long budgetNanos, long wallCeiling) throws Failure {
        CCJSqlParser parser = new CCJSqlParser(new StringProvider(sql)).withAllowComplexParsing(complex);
        Alarm alarm = new Alarm(parser, Thread.currentThread(), budgetNanos, wallCeiling);
        Statement statement;
        try {
            statement = parser.Statement();
        } catch (Exception | StackOverflowError e) {
            // TokenMgrException is an Error subclass in some JavaCC versions; it is covered below
            throw new Failure(String.valueOf(e.getMessage()), parser.interrupted);
        } catch (Error e) {
            if (e instanceof VirtualMachineError) {
                throw e;
            }
            throw new Failure(String.valueOf(e.getMessage()), parser.interrupted);
        } finally {
            alarm.cancel();
        }
        if (parser.interrupted) {
            throw new Failure("parse interrupted at its deadline", true);
        }
        if (statement == null) {
            throw new Failure("empty statement", false);
        }
        Node root = parser.getASTRoot();
        Token next = parser.getToken(1);
        if (next != null && next.kind != 0) {
            // Statement() stops after one statement; a second one would go unseen, so do not touch any.
            throw new Failure("more than one statement", false);
        }
        if (root == null || root.jjtGetFirstToken() == null) {
            throw new Failure("no parse tree", false);
        }
        return new ParsedStatement(sql, statement, root, TokenIndex.of(root.jjtGetFirstToken()));
    }

    /**
     * Raises the parser's {@code interrupted} flag once the parsing thread has used its CPU budget, or once the wall
     * ceiling has passed. It wakes when the budget would be used up had the thread run all along, and sleeps again
     * for what is left while the thread got less.
     */
    private final class Alarm implements Runnable {
        private final CCJSqlParser parser;
        private final Thread thread;
        private final long budgetNanos;
        private final long cpuStart;
        private final long wallCeiling;
        private ScheduledFuture<?> next;
        private boolean cancelled;

        Alarm(CCJSqlParser parser, Thread thread, long budgetNanos, long wallCeiling) {
            this.parser = parser;
            this.thread = thread;
            this.budgetNanos = budgetNanos;
            this.cpuStart = spentNanos(thread);
            this.wallCeiling = wallCeiling;
            schedule(Math.min(budgetNanos, Math.max(0, wallCeiling - System.nanoTime())));
        }

        @Override
        public synchronized void run() {
            if (cancelled) {
                return;
            }
            long left = budgetNanos - (spentNanos(thread) - cpuStart);
            long toCeiling = wallCeiling - System.nanoTime();
            if (left <= 0 || toCeiling <= 0) {
                parser.interrupted = true;
            } else {
                schedule(Math.min(left, toCeiling));
            }
        }

        private synchronized void schedule(long delayNanos) {
            next = watchdog.schedule(this, delayNanos, TimeUnit.NANOSECONDS);
        }

        synchronized void cancel() {
            cancelled = true;
            next.cancel(false);
        }
    }

    /** CPU time {@code thread} has used, or the clock where the JVM cannot tell. */
    private static long spentNanos(Thread thread) {
        if (CPU_TIME) {
            long cpu = thread == Thread.currentThread() ? THREADS.getCurrentThreadCpuTime()
                    : THREADS.getThreadCpuTime(thread.getId());
            if (cpu >= 0) {
                return cpu;
            }
        }
        return System.nanoTime();
    }

    private static boolean cpuTimeMeasurable() {
        try {
            return THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
        } catch (UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }
}
