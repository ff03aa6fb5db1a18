package io.colshift.cli;

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
                "Shows the state version, each live migration (phase, write flag, read fallback, backfill "
                        + "progress) and every driver that reported a heartbeat, with the state version it acknowledged. A "
                        + "driver is live when its last heartbeat is recent; 'behind' drivers have not yet acknowledged "
                        + "the current state version. Changes nothing."})
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
            report = new StatusReport(session.schema().name(), reader.version(), migrations,
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

    private void printText(StatusReport report, PrintWriter out) {
        out.printf("control schema %s, state version %d%n%n", report.controlSchema(), report.stateVersion());
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
                            + " statements unchanged for it and CLI steps exit 3%n", m.id(), m.refused());
                } else {
                    out.printf("  %s: reads fall back to %s%n", m.id(), m.readFallback());
                }
            }
        }
        out.println();
        out.printf("drivers: %d live, %d behind state version %d, %d gone%s%n", report.liveClients(),
                report.liveClientsBehind(), report.stateVersion(), report.goneClients(),
                report.goneClients() > 0 && !all ? " (--all lists them)" : "");
        if (!report.clients().isEmpty()) {
            TextTable table = new TextTable("CLIENT", "HOST", "PID", "APPLICATION", "ACKED", "LAST SEEN", "STATUS");
            for (ClientRow c : report.clients()) {
                String status = !c.live() ? "gone" : c.ackedVersion() < report.stateVersion() ? "behind" : "current";
                table.row(c.clientId(), c.host(), c.pid(), c.applicationName(), c.ackedVersion(), c.lastSeen(), status);
            }
            table.print(out);
        }
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
