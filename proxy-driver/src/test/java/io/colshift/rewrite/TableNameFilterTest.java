package io.colshift.rewrite;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TableNameFilterTest {

    private final TableNameFilter filter = new TableNameFilter(List.of("users", "Order_Items"));

    @Test
    void matchesTheTableNameAsAWholeWordInAnyCaseOrQuoting() {
        assertThat(filter.mayReference("select * from users")).isTrue();
        assertThat(filter.mayReference("SELECT * FROM \"USERS\" u")).isTrue();
        assertThat(filter.mayReference("select * from public.users")).isTrue();
        assertThat(filter.mayReference("update order_items set x=1")).isTrue();
        assertThat(filter.mayReference("select 1 from(users)")).isTrue();
    }

    @Test
    void ignoresLongerOrShorterWordsContainingTheName() {
        assertThat(filter.mayReference("select user_id, users_count from superusers")).isFalse();
        assertThat(filter.mayReference("select * from user")).isFalse();
        assertThat(filter.mayReference("")).isFalse();
    }

    @Test
    void nonAsciiLettersBelongToTheWord() {
        assertThat(filter.mayReference("select * from usersé")).isFalse();
        assertThat(filter.mayReference("select * from éusers")).isFalse();
        assertThat(filter.mayReference("select 'é' from users")).isTrue();
    }
}
