package io.colshift.driver;

import java.sql.SQLException;
import java.sql.Wrapper;

/**
 * The {@link Wrapper} rule every colshift proxy follows: it answers for the types it implements itself
 * (colshift's own and the {@code java.sql} interfaces) and hands every other question to the real object,
 * so {@code unwrap(PGConnection.class)} or {@code unwrap(BaseConnection.class)} reach pgjdbc.
 */
final class Wrappers {

    private Wrappers() {
    }

    static <T> T unwrap(Object proxy, Wrapper delegate, Class<T> iface) throws SQLException {
        return iface.isInstance(proxy) ? iface.cast(proxy) : delegate.unwrap(iface);
    }

    static boolean isWrapperFor(Object proxy, Wrapper delegate, Class<?> iface) throws SQLException {
        return iface.isInstance(proxy) || delegate.isWrapperFor(iface);
    }
}
