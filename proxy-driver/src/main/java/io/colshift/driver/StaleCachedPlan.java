package io.colshift.driver;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;

/**
 * Recognises PostgreSQL's "cached plan must not change result type" (SQLState 0A000, routine
 * {@code RevalidateCachedQuery}): a server-prepared statement whose result columns changed, typically a
 * {@code SELECT *} after {@code ALTER TABLE … ADD COLUMN}. pgjdbc reacts by dropping its server-side
 * statements, so executing the same statement again succeeds; when no transaction is open the failed
 * attempt changed nothing, so the proxies retry once instead of failing the application.
 */
final class StaleCachedPlan {

    private static final String FEATURE_NOT_SUPPORTED = "0A000";
    private static final boolean PGJDBC_PRESENT = isPresent("org.postgresql.util.PSQLException");

    private StaleCachedPlan() {
    }

    static boolean is(SQLException e) {
        if (!FEATURE_NOT_SUPPORTED.equals(e.getSQLState())) {
            return false;
        }
        if (PGJDBC_PRESENT) {
            Boolean byRoutine = PgRoutine.isRevalidateCachedQuery(e);
            if (byRoutine != null) {
                return byRoutine;
            }
        }
        String message = e.getMessage();
        return message != null && message.contains("cached plan must not change result type");
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, StaleCachedPlan.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Touches pgjdbc classes only when pgjdbc is on the class path (it is an optional, provided dependency). */
    private static final class PgRoutine {
        static Boolean isRevalidateCachedQuery(SQLException e) {
            if (!(e instanceof PSQLException pe)) {
                return null;
            }
            ServerErrorMessage server = pe.getServerErrorMessage();
            if (server == null || server.getRoutine() == null) {
                return null;
            }
            String routine = server.getRoutine();
            return "RevalidateCachedQuery".equals(routine) || "RevalidateCachedPlan".equals(routine);
        }
    }
}
