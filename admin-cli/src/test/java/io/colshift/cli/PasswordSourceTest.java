package io.colshift.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void anEmptyOrBlankPasswordFileIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        for (String content : new String[] {"", "\n", "   \nsecret\n", "\t"}) {
            Path file = dir.resolve("pw-" + content.length());
            Files.writeString(file, content);
            assertThatThrownBy(() -> passwordFor(Map.of("COLSHIFT_PASSWORD", "a"), "--password-file", file.toString()))
                    .isInstanceOfSatisfying(CommandFailure.class,
                            f -> assertThat(f.exitCode()).isEqualTo(ExitCodes.BAD_INPUT))
                    .hasMessageContaining(file.toString()).hasMessageContaining("empty");
        }
    }

    @Test
    void anEmptyPasswordFileExitsTwoBeforeConnecting(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pw");
        Files.writeString(file, "");
        StringWriter err = new StringWriter();
        int exit = ColshiftCommand.commandLine(Map.of()).setErr(new PrintWriter(err, true)).execute("status", "--url",
                "jdbc:postgresql://127.0.0.1:1/nowhere", "--password-file", file.toString());
        assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains(file.toString());
    }

    @Test
    void aUrlCarryingAPasswordIsRefusedWithoutEchoingIt() {
        for (String command : new String[] {"status", "demo"}) {
            StringWriter err = new StringWriter();
            int exit = ColshiftCommand.commandLine(Map.of()).setErr(new PrintWriter(err, true)).execute(command,
                    "--url", "jdbc:postgresql://127.0.0.1:1/app?user=x&password=hunter2");
            assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(err.toString()).contains("must not contain a password").doesNotContain("hunter2");
        }
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
