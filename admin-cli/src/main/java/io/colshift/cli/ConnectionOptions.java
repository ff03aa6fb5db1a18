package io.colshift.cli;

import io.colshift.phase.SearchPathPin;
import io.colshift.state.ControlSchema;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

    private String connectedRole;

    /** The control schema named by {@code --schema}; exit 2 when the name is not a plain identifier. */
    public ControlSchema controlSchema() {
        try {
            return ControlSchema.named(schema);
        } catch (IllegalArgumentException e) {
            throw CommandFailure.badInput("--schema: " + e.getMessage());
        }
    }

    /** Opens a new connection with its {@code search_path} pinned ({@link SearchPathPin}); the caller closes it. */
    public Connection connect() throws SQLException {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw CommandFailure.badInput("--url must be a plain jdbc:postgresql: URL (colshift talks to PostgreSQL"
                    + " directly, not through jdbc:colshift:)");
        }
        refusePasswordIn(url);
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
        Connection c = SearchPathPin.pin(DriverManager.getConnection(url, props));
        if (connectedRole == null) {
            connectedRole = currentRole(c);
        }
        return c;
    }

    /**
     * Refuses a URL that carries a password ({@code password=}, {@code sslpassword=}): it would end up in shell
     * history, {@code ps} output and every message that quotes the URL.
     */
    static void refusePasswordIn(String url) {
        if (url.toLowerCase(Locale.ROOT).contains("password=")) {
            throw CommandFailure.badInput("--url must not contain a password: use --password-file, COLSHIFT_PASSWORD"
                    + " or PGPASSWORD");
        }
    }

    /** The role the last connection runs as (for error messages), or the requested one before connecting. */
    String role() {
        return connectedRole != null ? connectedRole : user != null ? user : environment().get("PGUSER");
    }

    private static String currentRole(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_user")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
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
            return PasswordFile.read(passwordFile);
        }
        String fromEnv = environment().get("COLSHIFT_PASSWORD");
        return fromEnv != null ? fromEnv : environment().get("PGPASSWORD");
    }

    private Map<String, String> environment() {
        return mixee.root().userObject() instanceof ColshiftCommand root ? root.environment() : System.getenv();
    }
}
