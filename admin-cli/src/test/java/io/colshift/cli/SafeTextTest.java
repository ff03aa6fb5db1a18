package io.colshift.cli;

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
    void plainTextAndNullPassUnchanged() {
        String plain = "web-1/10.0.0.7 café 0/3000060";
        assertThat(SafeText.of(plain)).isSameAs(plain);
        assertThat(SafeText.of((String) null)).isNull();
        assertThat(SafeText.of((Object) 42L)).isEqualTo("42");
    }
}
