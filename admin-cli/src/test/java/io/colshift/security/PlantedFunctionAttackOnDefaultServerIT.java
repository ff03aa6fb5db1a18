package io.colshift.security;

import io.colshift.embedded.PostgresServers;
import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.BeforeAll;

/** The planted-function attack on the suite's own server (PostgreSQL 17 unless {@code -Dpg.version} says otherwise). */
@WithPostgres
class PlantedFunctionAttackOnDefaultServerIT extends PlantedFunctionAttack {

    private TestDatabase db;

    @BeforeAll
    void database(TestDatabase db) {
        this.db = db;
    }

    @Override
    TestDatabase database() {
        return db;
    }

    @Override
    int expectedMajorVersion() {
        return Integer.parseInt(PostgresServers.requestedMajorVersion());
    }
}
