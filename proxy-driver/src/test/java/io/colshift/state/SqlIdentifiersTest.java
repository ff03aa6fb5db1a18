package io.colshift.state;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SqlIdentifiersTest {

    @Test
    void foldsUnquotedPartsToLowerCase() {
        assertThat(SqlIdentifiers.parse("Public.Users")).contains(List.of("public", "users"));
    }

    @Test
    void keepsQuotedPartsVerbatimIncludingDoubledQuotesAndDots() {
        assertThat(SqlIdentifiers.parse("\"My Schema\".\"a\"\"b.c\"")).contains(List.of("My Schema", "a\"b.c"));
    }

    @Test
    void refusesAnythingThatIsNotADottedIdentifierList() {
        for (String text : List.of("", "users;", "1users", "a..b", "a.", "\"open", "users x", "a-b",
                "x".repeat(SqlIdentifiers.MAX_LENGTH + 1))) {
            assertThat(SqlIdentifiers.parse(text)).as(text).isEqualTo(Optional.empty());
        }
    }

    @Test
    void quotingRoundTripsThroughParsing() {
        String name = "we\"ird Name";
        assertThat(SqlIdentifiers.parse(SqlIdentifiers.quote("s", name))).contains(List.of("s", name));
    }
}
