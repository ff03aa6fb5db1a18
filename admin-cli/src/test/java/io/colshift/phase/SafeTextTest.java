package io.colshift.phase;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeTextTest {

    @Test
    void terminalEscapesCarriageReturnsAndNewlinesBecomeVisible() {
        assertThat(SafeText.line("web\u001b]0;owned\u0007\r\nfake line")).isEqualTo("web\\x1b]0;owned\\x07\\x0d\\x0afake line");
        assertThat(SafeText.line("tab\there")).isEqualTo("tab\\x09here");
    }

    @Test
    void deleteC1ControlsAndBidirectionalOverridesAreEscaped() {
        assertThat(SafeText.line("a\u007fb\u009b31mc")).isEqualTo("a\\x7fb\\x9b31mc");
        assertThat(SafeText.line("evil\u202egnp.exe\u2066x\u200b")).isEqualTo("evil\\u202egnp.exe\\u2066x\\u200b");
        assertThat(SafeText.line("line\u2028sep")).isEqualTo("line\\u2028sep");
    }

    @Test
    void ordinaryTextIncludingUnicodeAndQuotesIsUnchanged() {
        String text = "Zürich \"tbl\" 'x' \\n 東京 😀 -- ;";
        assertThat(SafeText.line(text)).isSameAs(text);
        assertThat(SafeText.line(null)).isEqualTo("-");
    }

    @Test
    void textKeepsItsLineBreaksButNothingElse() {
        assertThat(SafeText.text("step 1\n  sql: x\u001b[2J\n")).isEqualTo("step 1\n  sql: x\\x1b[2J\n");
    }
}
