package io.colshift.phase;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndexSpecTest {

    @Test
    void defaultsToAConcurrentBtreeNamedAfterTableAndColumn() {
        IndexSpec spec = IndexSpec.fromJson("{\"concurrently\": true}", "users", "status");
        assertThat(spec).isEqualTo(new IndexSpec("users_status_idx", false, "btree", true));
    }

    @Test
    void noIndexWhenTheSpecHasNone() {
        assertThat(IndexSpec.fromJson(null, "users", "status")).isNull();
        assertThat(IndexSpec.fromJson("null", "users", "status")).isNull();
    }

    @Test
    void longNamesAreCutToWhatPostgresStores() {
        String table = "t".repeat(60);
        assertThat(IndexSpec.fromJson("{}", table, "status").name()).hasSize(63).startsWith(table);
    }

    @Test
    void refusesAMethodThatIsNotAPlainName() {
        assertThatThrownBy(() -> IndexSpec.fromJson("{\"method\": \"btree; DROP TABLE x\"}", "t", "c"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("access method");
    }
}
