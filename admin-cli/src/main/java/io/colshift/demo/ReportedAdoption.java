package io.colshift.demo;

import io.colshift.demo.workload.AppVersion;
import io.colshift.state.SafeText;
import io.colshift.state.Adoption;
import io.colshift.state.ClientCounters;
import io.colshift.state.ControlSchema;
import io.colshift.state.ControlSchemaReader;
import io.colshift.state.MigrationCounters;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The migration's adoption per application version as the drivers report it: the heartbeat rows'
 * {@code clients.counters}, read and classified by the same code as {@code colshift status} ({@link Adoption}), and
 * attributed to a version by the {@code ApplicationName} its connections give. Not the demo's own bookkeeping: what
 * an operator would see.
 */
final class ReportedAdoption {

    /**
     * One version's counters, summed over its live rows (one per driver state holder; the demo has one).
     *
     * @param rows how many live rows reported for the version; 0 when none did (the counters are then 0)
     */
    record Version(String label, String applicationName, int rows, long reads, long writes, long heldBack,
                   long rewritten, long passedUnchanged) {
    }

    private ReportedAdoption() {
    }

    /** Reads what the live drivers reported last for {@code migrationId}, per version. */
    static List<Version> read(Connection c, ControlSchema schema, String migrationId, List<AppVersion> versions)
            throws SQLException {
        ControlSchemaReader reader = new ControlSchemaReader(c, schema);
        Optional<Map<String, ClientCounters>> counters = reader.clientCounters();
        Adoption adoption = Adoption.of(migrationId, reader.clients(), counters);
        List<Adoption.Driver> drivers = new ArrayList<>(adoption.using());
        drivers.addAll(adoption.neverTouched());
        List<Version> result = new ArrayList<>();
        for (AppVersion v : versions) {
            int rows = 0;
            long reads = 0;
            long writes = 0;
            long heldBack = 0;
            long rewritten = 0;
            long passedUnchanged = 0;
            for (Adoption.Driver d : drivers) {
                if (!Objects.equals(d.applicationName(), v.applicationName())) {
                    continue;
                }
                rows++;
                MigrationCounters m = d.counters();
                if (m != null) {
                    reads += n(m.reads());
                    writes += n(m.writes());
                    heldBack += n(m.heldBack());
                    rewritten += n(m.rewritten());
                    passedUnchanged += n(m.passedUnchanged());
                }
            }
            result.add(new Version(v.label(), v.applicationName(), rows, reads, writes, heldBack, rewritten,
                    passedUnchanged));
        }
        return result;
    }

    private static long n(Long value) {
        return value == null ? 0 : value;
    }

    static void print(PrintStream out, String migrationId, List<Version> versions) {
        out.println("  adoption of " + SafeText.of(migrationId) + " as the drivers report it (clients.counters,"
                + " as `colshift status` reads them):");
        String header = String.format("    %-8s %-18s %9s %9s %9s %9s %16s", "version", "application", "reads",
                "writes", "held back", "rewritten", "passed unchanged");
        out.println(header);
        for (Version v : versions) {
            if (v.rows() == 0) {
                out.println(String.format("    %-8s %-18s %s", v.label(), SafeText.of(v.applicationName()),
                        "no live driver reported for it"));
                continue;
            }
            out.println(String.format("    %-8s %-18s %9d %9d %9d %9d %16d", v.label(),
                    SafeText.of(v.applicationName()), v.reads(), v.writes(), v.heldBack(), v.rewritten(),
                    v.passedUnchanged()));
        }
        out.println("  reads/writes: statements that name the new column; v1 predates it (its SELECT * gets the"
                + " column without naming it)");
    }
}
