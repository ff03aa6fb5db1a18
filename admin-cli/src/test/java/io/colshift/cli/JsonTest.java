package io.colshift.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {

    @Test
    void controlAndFormattingCharactersAreEscapedAndReadBackUnchanged() throws Exception {
        String hostile = "app\u001b[31m\r\n\u007f\u009b\u202e 東京 😀";
        String json = Json.MAPPER.writeValueAsString(Map.of("application_name", hostile));
        assertThat(json).doesNotContain("\u001b", "\r", "\u007f", "\u009b", "\u202e")
                .contains("\\u001B", "\\r", "\\n", "\\u007F", "\\u009b", "\\u202e", "東京", "😀");
        assertThat(new ObjectMapper().readTree(json).get("application_name").asText()).isEqualTo(hostile);
    }
}
