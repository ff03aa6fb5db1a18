package io.colshift.cli;

import io.colshift.state.ControlSchema;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * How every command reaches the database: {@code --url}, {@code --user}, {@code --schema} and a
 * password that never goes on the command line. The password comes from {@code --password-file},
 * else {@code COLSHIFT_PASSWORD}, else {@code PGPASSWORD}; it is handed to the JDBC driver only and
 * never printed, logged or put in an error message.
 */
public final class ConnectionOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--url", required = true, paramLabel = "JDBC_URL",
            description = "Plain PostgreSQL JDBC URL of the application database, e.g. jdbc:postgresql://db:5432/app")
    String url;

    @Option(names = "--user", paramLabel = "ROLE",
            description = "Database role to connect as (default: PGUSER, else the user in the URL).")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File whose first line is the password. Otherwise COLSHIFT_PASSWORD or PGPASSWORD is used.")
    Path passwordFile;

    @Option(names = "--schema", paramLabel = "NAME", defaultValue = ControlSchema.DEFAULT_NAME,
            description = "Control schema holding colshift's state (default: ${DEFAULT-VALUE}).")
    String schema;

    /** The control schema named by {@code --schema}; exit 2 when the name is not a plain identifier. */
    public ControlSchema controlSchema() {
        try {
            return ControlSchema.named(schema);
        } catch (IllegalArgumentException e) {
            throw CommandFailure.badInput("--schema: " + e.getMessage());
        }
    }

    /** Opens a new connection; the caller closes it. */
    public Connection connect() throws SQLException {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw CommandFailure.badInput("--url must be a plain jdbc:postgresql: URL (colshift talks to PostgreSQL"
                    + " directly, not through jdbc:colshift:)");
        }
        if (url.toLowerCase(Locale.ROOT).contains("password=")) {
            // a password in the URL ends up in shell history and `ps` output
            throw CommandFailure.badInput("--url must not contain a password: use --password-file, COLSHIFT_PASSWORD"
                    + " or PGPASSWORD");
        }
        Properties props = new Properties();
        String role = user != null ? user : environment().get("PGUSER");
        if (role != null) {
            props.setProperty("user", role);
        }
        String password = password();
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", "colshift " + mixee.name());
        return DriverManager.getConnection(url, props);
    }

    /** Opens a connection and checks that the control schema exists (exit 3 with a hint when it does not). */
    public ControlSession openSession() throws SQLException {
        return ControlSession.open(connect(), controlSchema(), actor());
    }

    /** Who makes the changes, as recorded in the control schema's audit trail. */
    public String actor() {
        String osUser = System.getProperty("user.name", "unknown");
        String host = environment().getOrDefault("HOSTNAME", "");
        return "cli:" + osUser + (host.isEmpty() ? "" : "@" + host);
    }

    String password() {
        if (passwordFile != null) {
            try {
                String content = Files.readString(passwordFile, StandardCharsets.UTF_8);
                return content.lines().findFirst().orElse("");
            } catch (IOException e) {
                throw CommandFailure.badInput("--password-file " + passwordFile + ": cannot read it ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
        String fromEnv = environment().get("COLSHIFT_PASSWORD");
        return fromEnv != null ? fromEnv : environment().get("PGPASSWORD");
    }

    private Map<String, String> environment() {
        return mixee.root().userObject() instanceof ColshiftCommand root ? root.environment() : System.getenv();
    }
}
