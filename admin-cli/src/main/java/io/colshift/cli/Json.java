package io.colshift.cli;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.colshift.state.SafeText;

/**
 * The one JSON configuration of the CLI: snake_case keys, indented, stable for scripts. JSON escapes C0 control
 * characters by construction; DEL, C1 controls and invisible formatting characters (what {@link SafeText} escapes)
 * are written as {@code \}{@code uXXXX} too, so that {@code --json} output is as safe to print as the text views.
 * Parsers read the same string back either way.
 */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper(new JsonFactoryBuilder()
            .characterEscapes(new TerminalSafeEscapes()).build())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    private static final class TerminalSafeEscapes extends CharacterEscapes {

        private final int[] ascii = standardAsciiEscapesForJSON();

        TerminalSafeEscapes() {
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        /** Called for every non-ASCII UTF-16 unit; surrogate pairs (emoji and the like) pass as they are. */
        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (Character.isSurrogate((char) ch) || !SafeText.unsafe(ch)) {
                return null;
            }
            return new SerializedString(String.format("\\u%04x", ch));
        }
    }
}
