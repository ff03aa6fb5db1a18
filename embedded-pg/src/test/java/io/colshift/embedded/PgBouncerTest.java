package io.colshift.embedded;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PgBouncerTest {

    @Test
    void aMissingBinaryFailsSayingHowToInstallIt() {
        assertThatThrownBy(() -> PgBouncer.transactionPool(Path.of("/nonexistent/pgbouncer"),
                "jdbc:postgresql://localhost:5432/db", "postgres", "", 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/nonexistent/pgbouncer is missing")
                .hasMessageContaining("apt-get install -y pgbouncer");
    }
}
