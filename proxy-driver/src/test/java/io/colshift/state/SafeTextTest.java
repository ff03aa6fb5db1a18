package io.colshift.state;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeTextTest {

    @Test
    void terminalControlSequencesArePrintedAsEscapesNotSent() {
        assertThat(SafeText.of("app\u001b[2J\u001b]0;owned\u0007")).isEqualTo("app\\e[2J\\e]0;owned\\u0007");
        assertThat(SafeText.of("line\nnext\r\tx")).isEqualTo("line\\nnext\\r\\tx");
        assertThat(SafeText.of("c1\u009bcsi del\u007f")).isEqualTo("c1\\u009bcsi del\\u007f");
        assertThat(SafeText.of("rtl\u202eevil")).isEqualTo("rtl\\u202eevil");
    }

    @Test
    void invisibleFormattingCharactersAreEscapedToo() {
        assertThat(SafeText.of("evil\u2066x\u200b\ufeff")).isEqualTo("evil\\u2066x\\u200b\\ufeff");
        assertThat(SafeText.of("line\u2028sep")).isEqualTo("line\\u2028sep");
        assertThat(SafeText.of("tag\udb40\udc01")).isEqualTo("tag\\U000e0001");
    }

    @Test
    void plainTextAndNullPassUnchanged() {
        String plain = "web-1/10.0.0.7 café 0/3000060 \"tbl\" 'x' \\n 東京 😀 -- ;";
        assertThat(SafeText.of(plain)).isSameAs(plain);
        assertThat(SafeText.of((String) null)).isNull();
        assertThat(SafeText.of((Object) 42L)).isEqualTo("42");
    }

    @Test
    void textKeepsItsLineBreaksButNothingElse() {
        assertThat(SafeText.text("step 1\n  sql: x\u001b[2J\n")).isEqualTo("step 1\n  sql: x\\e[2J\n");
    }

    @Test
    void quotedValuesAreCutAndEscapedInMessages() {
        String longName = "x".repeat(500) + "\u001b[2J";
        assertThat(SafeText.cut(longName)).hasSize(SafeText.CUT_AT + 1).endsWith("…");
        assertThat(SafeText.cut("id\u001b[31m")).isEqualTo("id\\e[31m");
        assertThat(SafeText.cut("a".repeat(SafeText.CUT_AT - 1) + "\ud83d\ude00tail")).doesNotContain("\ud83d");
    }
}
