package io.colshift.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads {@code --password-file}: its first line is the password. An empty or blank first line is refused (exit 2)
 * rather than sent as an empty password, which would hide a broken secret mount until authentication fails, or
 * succeed against a server that trusts the role. The password itself never appears in a message.
 */
final class PasswordFile {

    private PasswordFile() {
    }

    static String read(Path file) {
        String first;
        try {
            first = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("");
        } catch (IOException e) {
            throw CommandFailure.badInput("--password-file " + file + ": cannot read it ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (first.isBlank()) {
            throw CommandFailure.badInput("--password-file " + file + ": the file is empty or its first line is"
                    + " blank; put the password on the first line");
        }
        return first;
    }
}
