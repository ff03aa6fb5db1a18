package io.colshift.cli;

import io.colshift.phase.ReplicationProbe;
import io.colshift.state.SafeText;
import io.colshift.state.Adoption;
import io.colshift.state.BackfillProgressRow;
import io.colshift.state.ClientRow;
import io.colshift.state.ControlSchemaReader;
import io.colshift.state.MigrationRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.colshift.state.ClientCounters;
import io.colshift.state.EventLog;
import io.colshift.state.MigrationCounters;
import io.colshift.state.RecentOutcome;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code colshift status [ID] [--json]}: migrations, flags, backfill progress and the drivers that run them. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {
                "Shows the state version and staleness lease, each live migration (phase, write flag, read "
                        + "fallback, backfill progress, and which drivers use the new column and which never touched "
                        + "it: likely instances still on the old application version), migrations completed or rolled "
                        + "back recently (--recent), the streaming standbys with their replay lag, and every driver "
                        + "that reported a heartbeat: the server it follows (primary or standby) and the state version it "
                        + "reports. A driver is live when its last heartbeat is recent; 'behind' drivers have not yet "
                        + "reported the current state version. Heartbeats are for information: barriers never rely on "
                        + "them, and adoption counters (reported by drivers with their heartbeat, so by the application role) "
                        + "are for information too. Standbys' positions need pg_monitor (or pg_read_all_stats). "
                        + "Changes nothing."})
final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "Show only this migration.")
    String id;

    @Option(names = "--json", description = "Print JSON (snake_case keys) instead of tables.")
    boolean json;

    @Option(names = "--all", description = "Include archived migrations and drivers that stopped reporting.")
    boolean all;

    @Option(names = "--recent", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "P7D",
            description = "Also list migrations completed or rolled back within this long, e.g. 24h, P30D"
                    + " (default: 7 days).")
    Duration recent;

    @Override
    public Integer call() throws Exception {
        BarrierOptions.nonNegative(recent, "--recent");
        StatusReport report;
        try (ControlSession session = connection.openSession()) {
            // one snapshot for the whole report: heartbeat rows and their counters, migrations and events as of one
            // moment, not a heartbeat landing between two of the reads. SET TRANSACTION, not the JDBC setters:
            // pgjdbc would change the session's defaults, which through a pooler outlive this command
            session.connection().setAutoCommit(false);
            try (java.sql.Statement st = session.connection().createStatement()) {
                st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            ControlSchemaReader reader = new ControlSchemaReader(session.connection(), session.schema());
            List<MigrationRow> rows;
            if (id != null) {
                rows = List.of(reader.migration(id).orElseThrow(() -> CommandFailure.badInput("no migration with id '" + id + "'")));
            } else {
                rows = reader.migrations(all);
            }
            List<ClientRow> clients = reader.clients();
            Optional<Map<String, ClientCounters>> counters = reader.clientCounters();
            List<StatusReport.MigrationStatus> migrations = new ArrayList<>();
            for (MigrationRow row : rows) {
                migrations.add(StatusReport.MigrationStatus.of(row, reader.backfillProgress(row.id()).orElse(null),
                        Adoption.of(row.id(), clients, counters)));
            }
            long gone = clients.stream().filter(c -> !c.live()).count();
            List<RecentOutcome> ended = new EventLog(session.connection(), session.schema()).recentOutcomes(recent)
                    .stream().filter(o -> id == null || id.equals(o.migrationId())).toList();
            report = new StatusReport(session.schema().name(), reader.version(), reader.leaseMillis(),
                    replication(new ReplicationProbe(session.connection())), migrations,
                    all ? clients : clients.stream().filter(ClientRow::live).toList(), gone, recent.toSeconds(), ended);
            session.connection().rollback(); // read only: nothing to keep
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.MAPPER.writeValueAsString(report));
        } else {
            printText(report, out);
        }
        out.flush();
        return ExitCodes.DONE;
    }

    private static StatusReport.Replication replication(ReplicationProbe probe) throws java.sql.SQLException {
        String lsn = probe.currentLsn();
        return new StatusReport.Replication(lsn, probe.positionsVisible(),
                probe.standbys(lsn).stream().map(StatusReport.StandbyStatus::of).toList(), probe.inactivePhysicalSlots());
    }

    private void printText(StatusReport report, PrintWriter out) {
        out.printf("control schema %s, state version %d, staleness lease %d ms%n%n", SafeText.of(report.controlSchema()),
                report.stateVersion(), report.leaseMs());
        if (report.migrations().isEmpty()) {
            out.println("no migrations (declare one with `colshift declare SPEC.yaml`)");
        } else {
            TextTable table = new TextTable("MIGRATION", "COLUMN", "TYPE", "PHASE", "WRITES", "BACKFILL", "UPDATED");
            for (StatusReport.MigrationStatus m : report.migrations()) {
                table.row(m.id(), m.table() + "." + m.column(), m.type(), m.phase() + (m.archived() ? " (archived)" : ""),
                        (m.writesEnabled() ? "on" : "off") + (m.writesGated() ? " (stripped)" : " (passed)"),
                        progress(m.backfill()), m.updatedAt() + " by " + m.updatedBy());
            }
            table.print(out);
            for (StatusReport.MigrationStatus m : report.migrations()) {
                if (m.refused() != null) {
                    out.printf("  %s: REFUSED, its stored row fails the checks declare applies (%s): drivers pass"
                            + " statements unchanged for it and CLI steps exit 3%n", SafeText.of(m.id()), SafeText.of(m.refused()));
                } else {
                    out.printf("  %s: reads fall back to %s%n", SafeText.of(m.id()), SafeText.of(m.readFallback()));
                }
                printAdoption(m, out);
            }
        }
        printRecent(report, out);
        out.println();
        printReplication(report.replication(), out);
        out.println();
        out.printf("drivers: %d live, %d behind state version %d, %d gone%s%n", report.liveClients(),
                report.liveClientsBehind(), report.stateVersion(), report.goneClients(),
                report.goneClients() > 0 && !all ? " (--all lists them)" : "");
        if (!report.clients().isEmpty()) {
            TextTable table = new TextTable("CLIENT", "HOST", "PID", "APPLICATION", "FOLLOWS", "ACKED", "LAST SEEN",
                    "STATUS");
            for (ClientRow c : report.clients()) {
                String status = !c.live() ? "gone" : c.ackedVersion() < report.stateVersion() ? "behind" : "current";
                table.row(c.clientId(), c.host(), c.pid(), c.applicationName(), follows(c), c.ackedVersion(),
                        c.lastSeen(), status);
            }
            table.print(out);
        }
    }

    private static void printAdoption(StatusReport.MigrationStatus m, PrintWriter out) {
        Adoption a = m.adoption();
        if (a == null) {
            return;
        }
        if (!a.data()) {
            out.printf("  %s: no adoption data (no live driver reports counters)%n", SafeText.of(m.id()));
            return;
        }
        out.printf("  %s: %d driver(s) use the column, %d never touched it (likely the old application version)%s%n",
                SafeText.of(m.id()), a.using().size(), a.neverTouched().size(),
                a.noData().isEmpty() ? "" : ", " + a.noData().size() + " report no adoption data");
        if (a.using().isEmpty() && a.neverTouched().isEmpty()) {
            return;
        }
        TextTable table = new TextTable("    CLIENT", "APPLICATION", "USES", "READS", "WRITES", "HELD BACK",
                "REWRITTEN", "PASSED UNCHANGED", "REFUSED", "P50/P99 MS");
        for (Adoption.Driver d : a.using()) {
            adoptionRow(table, d, "yes");
        }
        for (Adoption.Driver d : a.neverTouched()) {
            adoptionRow(table, d, "never");
        }
        table.print(out);
    }

    private static void adoptionRow(TextTable table, Adoption.Driver d, String uses) {
        MigrationCounters c = d.counters();
        if (c == null) {
            table.row("    " + d.clientId(), d.applicationName(), uses, null, null, null, null, null, null,
                    null);
            return;
        }
        table.row("    " + d.clientId(), d.applicationName(), uses, c.reads(), c.writes(), c.heldBack(),
                c.rewritten(), c.passedUnchanged(), c.refused(),
                c.p50Ms() == null && c.p99Ms() == null ? null : ms(c.p50Ms()) + "/" + ms(c.p99Ms()));
    }

    private static String window(long seconds) {
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + " day(s)";
        }
        return seconds % 3600 == 0 ? seconds / 3600 + " hour(s)" : seconds + " s";
    }

    private static String ms(Double v) {
        return v == null ? "-" : String.format("%.1f", v);
    }

    private static void printRecent(StatusReport report, PrintWriter out) {
        if (report.recent().isEmpty()) {
            return;
        }
        out.println();
        out.printf("ended in the last %s:%n", window(report.recentS()));
        TextTable table = new TextTable("MIGRATION", "COLUMN", "OUTCOME", "AT", "BY", "VERSION");
        for (RecentOutcome o : report.recent()) {
            table.row(o.migrationId(), o.table() == null ? null : o.table() + "." + o.column(), o.outcome(), o.at(),
                    o.actor(), o.stateVersion());
        }
        table.print(out);
    }

    private static void printReplication(StatusReport.Replication r, PrintWriter out) {
        out.printf("standbys: %d streaming, %d inactive physical slot(s); this server's WAL at %s%n",
                r.standbys().size(), r.inactivePhysicalSlots().size(), r.walLsn());
        if (!r.positionsVisible() && !r.standbys().isEmpty()) {
            out.println("  this role cannot see their replay positions: grant it pg_monitor (or pg_read_all_stats)");
        }
        if (!r.standbys().isEmpty()) {
            TextTable table = new TextTable("STANDBY", "PID", "STATE", "REPLAY LSN", "BEHIND", "REPLAY LAG");
            for (StatusReport.StandbyStatus s : r.standbys()) {
                table.row(s.name(), s.pid(), s.state(),
                        s.replayLsn(), s.bytesBehind() == null ? null : s.bytesBehind() + " bytes",
                        s.replayLagMs() == null ? null : s.replayLagMs() + " ms");
            }
            table.print(out);
        }
        for (String slot : r.inactivePhysicalSlots()) {
            out.println("  slot " + SafeText.of(slot) + " is inactive: its standby is disconnected");
        }
    }

    /** The server a driver follows: {@code db1:5432 (standby)}, or {@code -} from drivers that do not say. */
    private static String follows(ClientRow c) {
        if (c.server() == null) {
            return null;
        }
        return c.server() + (c.inRecovery() == null ? "" : c.inRecovery() ? " (standby)" : " (primary)");
    }

    private static String progress(BackfillProgressRow p) {
        if (p == null) {
            return "-";
        }
        String done = String.format("%,d", p.rowsDone());
        String text = p.rowsEstimate() == null || p.rowsEstimate() <= 0 ? done + " rows"
                : done + "/" + String.format("%,d", p.rowsEstimate()) + " ("
                + Math.min(100, p.rowsDone() * 100 / p.rowsEstimate()) + "%)";
        return p.paused() ? text + " paused" : text;
    }
}
