package io.colshift.rewrite;

import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BoundedParserTest {

    /** Far more parsing work than a millisecond of CPU covers: a hundred thousand list elements. */
    private static final String HUGE = "SELECT * FROM t WHERE a IN ("
            + IntStream.range(0, 100_000).mapToObj(Integer::toString).collect(Collectors.joining(",")) + ")";

    @Test
    void statementNeedingMoreCpuThanItsBudgetIsGivenUpOnAsTimedOut() {
        try (BoundedParser parser = new BoundedParser(1)) {
            BoundedParser.Failure failure = catchThrowableOfType(BoundedParser.Failure.class, () -> parser.parse(HUGE));
            assertThat(failure).isNotNull();
            assertThat(failure.timedOut()).isTrue();
        }
    }

    @Test
    void theSameStatementParsesWhenItsBudgetCoversIt() throws Exception {
        try (BoundedParser parser = new BoundedParser(60_000)) {
            ParsedStatement parsed = parser.parse(HUGE);
            assertThat(parsed.sql()).isSameAs(HUGE);
        }
    }

    @Test
    void syntaxErrorsInBothModesAreFailuresNotTimeouts() {
        try (BoundedParser parser = new BoundedParser(60_000)) {
            BoundedParser.Failure failure = catchThrowableOfType(BoundedParser.Failure.class,
                    () -> parser.parse("SELECT * FROM t x y z"));
            assertThat(failure).isNotNull();
            assertThat(failure.timedOut()).isFalse();
        }
    }

    @Test
    void aSecondStatementIsRefusedRatherThanLeftUnseen() {
        try (BoundedParser parser = new BoundedParser(60_000)) {
            BoundedParser.Failure failure = catchThrowableOfType(BoundedParser.Failure.class,
                    () -> parser.parse("SELECT 1; SELECT 2"));
            assertThat(failure).isNotNull();
            assertThat(failure.timedOut()).isFalse();
        }
    }
}
