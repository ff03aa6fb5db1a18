package io.colshift.state;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ServerKeyTest {

    private static final ControlSchema SCHEMA = ControlSchema.named("colshift");

    @Test
    void urlKeyIsTheFirstHostOfAMultiHostUrl() {
        ServerKey key = ServerKey.ofUrl("jdbc:postgresql://alpha:5433,beta:5434/app", null, SCHEMA);
        assertEquals(new ServerKey("alpha", 5433, "app", "colshift"), key);
    }

    @Test
    void ipv6HostIsKeptWithoutBracketsAndShownWithThem() {
        ServerKey key = ServerKey.ofUrl("jdbc:postgresql://[::1]:5433/app", null, SCHEMA);
        assertEquals("::1", key.host());
        assertEquals("[::1]:5433", key.server());
        assertEquals("jdbc:postgresql://[::1]:5433/app", key.jdbcUrl());
    }

    @Test
    void watcherUrlEncodesTheDatabaseName() {
        ServerKey key = new ServerKey("db.local", 5432, "my app", "colshift");
        assertEquals("jdbc:postgresql://db.local:5432/my+app", key.jdbcUrl());
        assertEquals("db.local:5432/my app", key.serverAndDatabase());
    }
}
