package io.colshift.driver;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What sits between the driver and PostgreSQL ({@code colshift.pooler}), as far as server-side prepared
 * statements are concerned. Behind a transaction pooler colshift never sends {@code DEALLOCATE ALL} (it would
 * reach another client's server connection); the values below say whether it also sends statements unnamed.
 */
public enum Pooler {

    /** Find out per connection: a backend pid that differs from the one announced at startup means a pooler. */
    AUTO("auto"),
    /** A direct connection, or a pooler in session mode: every transaction of a connection runs on one backend. */
    NONE("none"),
    /**
     * A pooler in transaction (or statement) mode that does not keep prepared statements itself (PgBouncer before
     * 1.21, or with {@code max_prepared_statements = 0}): colshift sends every statement unnamed.
     */
    TRANSACTION("transaction"),
    /**
     * A pooler in transaction mode that keeps protocol-level prepared statements for its clients (PgBouncer 1.21
     * and later with {@code max_prepared_statements > 0}): named statements stay as the application set them.
     */
    TRANSACTION_PREPARED("transaction-prepared");

    private final String value;

    Pooler(String value) {
        this.value = value;
    }

    /** The property value. */
    public String value() {
        return value;
    }

    /** The pooler for a property value (case-insensitive), or null. */
    static Pooler named(String value) {
        for (Pooler pooler : values()) {
            if (pooler.value.equals(value.toLowerCase(Locale.ROOT))) {
                return pooler;
            }
        }
        return null;
    }

    static String names() {
        return Arrays.stream(values()).map(Pooler::value).collect(Collectors.joining(", "));
    }

    /** True when consecutive transactions of one client connection may run on different backends. */
    boolean sharesBackends() {
        return this == TRANSACTION || this == TRANSACTION_PREPARED;
    }
}
