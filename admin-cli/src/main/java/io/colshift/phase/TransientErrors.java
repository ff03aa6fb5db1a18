package io.colshift.phase;

import java.sql.SQLException;
import java.util.Set;

/** Errors after which a rolled-back batch can simply be tried again. */
public final class TransientErrors {

    /** lock_not_available (our lock_timeout), deadlock_detected, serialization_failure. */
    private static final Set<String> RETRYABLE = Set.of("55P03", "40P01", "40001");

    private TransientErrors() {
    }

    public static boolean retryable(SQLException e) {
        return RETRYABLE.contains(e.getSQLState());
    }

    /** Why the batch was rolled back, for the progress line. */
    public static String reason(SQLException e) {
        return switch (e.getSQLState()) {
            case "55P03" -> "waited longer than lock_timeout for rows an application transaction holds";
            case "40P01" -> "deadlock with an application transaction (PostgreSQL cancelled the batch)";
            default -> "serialization failure";
        };
    }
}
