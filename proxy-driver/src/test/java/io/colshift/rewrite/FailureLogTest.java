package io.colshift.rewrite;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailureLogTest {

    @Test
    void loggedStatementsHaveTheirStringLiteralsMasked() {
        assertThat(FailureLog.mask("UPDATE users SET password = 'hunter2', note = 'it''s' WHERE id = 1"))
                .isEqualTo("UPDATE users SET password = '…', note = '…' WHERE id = 1")
                .doesNotContain("hunter2");
    }

    @Test
    void longStatementsAreCut() {
        assertThat(FailureLog.mask("SELECT " + "x, ".repeat(1000) + "1")).hasSizeLessThan(320).endsWith(" …");
    }
}
