package io.colshift.cli;

import io.colshift.phase.ReplicationProbe;
import io.colshift.phase.SafeText;
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

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code colshift status [ID] [--json]}: migrations, flags, backfill progress and the drivers that run them. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {
                "Shows the state version and staleness lease, each live migration (phase, write flag, read "
                        + "fallback, backfill progress), the streaming standbys with their replay lag, and every driver "
                        + "that reported a heartbeat: the server it follows (primary or standby) and the state version it "
                        + "reports. A driver is live when its last heartbeat is recent; 'behind' drivers have not yet "
                        + "reported the current state version. Heartbeats are for information: barriers never rely on "
                        + "them. Standbys' positions need pg_monitor (or pg_read_all_stats). Changes nothing."})
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

    @Override
    public Integer call() throws Exception {
        StatusReport report;
        try (ControlSession session = connection.openSession()) {
            ControlSchemaReader reader = new ControlSchemaReader(session.connection(), session.schema());
            List<MigrationRow> rows;
            if (id != null) {
                rows = List.of(reader.migration(id).orElseThrow(() -> CommandFailure.badInput("no migration with id '" + id + "'")));
            } else {
                rows = reader.migrations(all);
            }
            List<StatusReport.MigrationStatus> migrations = new ArrayList<>();
            for (MigrationRow row : rows) {
                migrations.add(StatusReport.MigrationStatus.of(row, reader.backfillProgress(row.id()).orElse(null)));
            }
            List<ClientRow> clients = reader.clients();
            long gone = clients.stream().filter(c -> !c.live()).count();
            report = new StatusReport(session.schema().name(), reader.version(), reader.leaseMillis(),
                    replication(new ReplicationProbe(session.connection())), migrations,
                    all ? clients : clients.stream().filter(ClientRow::live).toList(), gone);
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
                out.printf("  %s: reads fall back to %s%n", SafeText.of(m.id()), SafeText.of(m.readFallback()));
            }
        }
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
