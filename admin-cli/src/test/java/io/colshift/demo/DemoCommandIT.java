package io.colshift.demo;

import io.colshift.cli.ColshiftCommand;
import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code colshift demo --url}: the whole story on an existing server, leaving nothing behind. */
@WithPostgres
class DemoCommandIT {

    @Test
    void demoOnAnExistingServerPassesAndDropsItsSchemas(TestDatabase db) throws Exception {
        Path passwordFile = Files.createTempFile("demo-password", ".txt");
        try {
            // an empty password file is refused; a server that trusts the role never asks for this one
            String password = db.password().isEmpty() ? "not-asked-for-by-a-trusting-server" : db.password();
            Files.writeString(passwordFile, password + "\n");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Map<String, String> env = new HashMap<>(System.getenv());
            env.remove("PGPASSWORD");
            env.remove("COLSHIFT_PASSWORD");
            int exit = ColshiftCommand.commandLine(env).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                    .execute("demo", "--url", db.jdbcUrl(), "--user", db.user(), "--password-file", passwordFile.toString(),
                            "--rows", "5000", "--rate", "200", "--threads", "2", "--phase-seconds", "1", "--no-color");

            assertThat(exit).as("demo output:\n%s\n%s", out, err).isZero();
            assertThat(out.toString())
                    .contains("step 7/7: $ colshift complete users-status")
                    .contains("failed or wrong statements: 0")
                    .contains("lost or wrong: 0")
                    .contains("PASS: zero errors, zero lost writes")
                    .doesNotContain("\u001b[");
            assertThat(out.toString() + err).doesNotContain(password);
            // as the drivers report it in clients.counters: the old version never names the column, the new one does
            long[] v1 = reportedAdoption(out.toString(), "v1");
            long[] v2 = reportedAdoption(out.toString(), "v2");
            assertThat(v1[READS]).as("v1 reads of the column").isZero();
            assertThat(v1[WRITES]).as("v1 writes of the column").isZero();
            assertThat(v2[READS]).as("v2 reads of the column").isPositive();
            assertThat(v2[WRITES]).as("v2 writes of the column").isPositive();
            try (Connection c = db.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'colshift_demo_%'")) {
                rs.next();
                assertThat(rs.getLong(1)).as("demo schemas left behind").isZero();
            }
        } finally {
            Files.deleteIfExists(passwordFile);
        }
    }

    private static final int READS = 0;
    private static final int WRITES = 1;

    /** The demo summary's adoption row of {@code version}: reads, writes, held back, rewritten, passed unchanged. */
    private static long[] reportedAdoption(String output, String version) {
        Matcher m = Pattern.compile("(?m)^\\s+" + version + "\\s+colshift-demo-" + version
                + "\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*$").matcher(output);
        assertThat(m.find()).as("adoption row of %s in:%n%s", version, output).isTrue();
        long[] counts = new long[5];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = Long.parseLong(m.group(i + 1));
        }
        return counts;
    }

    @Test
    void refusesANonPostgresUrlWithUsageExitCode() {
        StringWriter err = new StringWriter();
        int exit = ColshiftCommand.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err, true))
                .execute("demo", "--url", "jdbc:mysql://localhost/app");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--url must be a plain jdbc:postgresql: URL");
    }
}
