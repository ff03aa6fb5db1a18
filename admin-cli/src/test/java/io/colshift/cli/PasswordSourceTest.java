package io.colshift.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordSourceTest {

    private static String passwordFor(Map<String, String> environment, String... extraArgs) {
        CommandLine cli = ColshiftCommand.commandLine(environment);
        String[] args = new String[3 + extraArgs.length];
        args[0] = "init";
        args[1] = "--url";
        args[2] = "jdbc:postgresql://db.example/app";
        System.arraycopy(extraArgs, 0, args, 3, extraArgs.length);
        CommandLine.ParseResult parsed = cli.parseArgs(args);
        InitCommand init = (InitCommand) parsed.subcommand().commandSpec().userObject();
        return init.connection.password();
    }

    @Test
    void passwordFileWinsOverTheEnvironmentAndOnlyItsFirstLineCounts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pw");
        Files.writeString(file, "from-file\nsecond line\n");
        assertThat(passwordFor(Map.of("COLSHIFT_PASSWORD", "a", "PGPASSWORD", "b"), "--password-file", file.toString()))
                .isEqualTo("from-file");
    }

    @Test
    void colshiftPasswordWinsOverPgPassword() {
        assertThat(passwordFor(Map.of("COLSHIFT_PASSWORD", "a", "PGPASSWORD", "b"))).isEqualTo("a");
        assertThat(passwordFor(Map.of("PGPASSWORD", "b"))).isEqualTo("b");
        assertThat(passwordFor(Map.of())).isNull();
    }

    @Test
    void thereIsNoPasswordOptionThatWouldShowInProcessLists() {
        CommandLine cli = ColshiftCommand.commandLine(Map.of());
        assertThat(cli.getSubcommands().get("init").getCommandSpec().findOption("--password")).isNull();
    }
}
