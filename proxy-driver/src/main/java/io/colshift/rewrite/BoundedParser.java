package io.colshift.rewrite;

import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.Node;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.statement.Statement;

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
        long deadline = System.nanoTime() + timeoutNanos;
        Failure simple;
        try {
            return attempt(sql, false, timeoutNanos);
        } catch (Failure f) {
            if (f.timedOut()) {
                throw f;
            }
            simple = f;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new Failure("parse time exhausted in simple mode", true);
        }
        try {
            return attempt(sql, true, left);
        } catch (Failure f) {
            throw f.timedOut() ? f : simple;
        }
    }

    private ParsedStatement attempt(String sql, boolean complex, long budgetNanos) throws Failure {
        CCJSqlParser parser = new CCJSqlParser(new StringProvider(sql)).withAllowComplexParsing(complex);
        ScheduledFuture<?> alarm = watchdog.schedule(() -> {
            parser.interrupted = true;
        }, budgetNanos, TimeUnit.NANOSECONDS);
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
            alarm.cancel(false);
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

    @Override
    public void close() {
        watchdog.shutdownNow();
    }
}
