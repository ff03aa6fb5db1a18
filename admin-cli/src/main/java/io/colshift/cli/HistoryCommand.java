package io.colshift.cli;

import io.colshift.state.SafeText;
import io.colshift.state.ControlSchemaReader;
import io.colshift.state.EventLog;
import io.colshift.state.EventRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code colshift history [ID] [--since D] [--limit N] [--json]}: the audit trail of {@code events}. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {
                "Shows the audit trail, oldest first: every declare, phase transition (rollbacks included), write "
                        + "flag change, backfill pause and resume, archive and staleness lease change, with who made "
                        + "it, when, the state version it committed and from -> to; and notes that change no state: "
                        + "refused steps and barrier waits that gave up. Every state version drivers ever saw is "
                        + "there. With ID only that migration's events (archived migrations included). Changes "
                        + "nothing.",
                "",
                "Examples:",
                "  colshift history users-status",
                "  colshift history --since 1h --json"})
final class HistoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "Show only this migration's events.")
    String id;

    @Option(names = "--since", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Only events newer than this, e.g. 30min, 2h, P7D (default: all).")
    Duration since;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "200",
            description = "Show at most the last N events (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print JSON (snake_case keys) instead of a table.")
    boolean json;

    /** What {@code --json} prints. */
    record History(String controlSchema, String migrationId, List<EventRow> events, boolean truncated) {
    }

    @Override
    public Integer call() throws Exception {
        if (limit < 1) {
            throw CommandFailure.badInput("--limit must be at least 1");
        }
        if (since != null) {
            BarrierOptions.nonNegative(since, "--since");
        }
        History history;
        try (ControlSession session = connection.openSession()) {
            EventLog log = new EventLog(session.connection(), session.schema());
            if (id != null && new ControlSchemaReader(session.connection(), session.schema()).migration(id).isEmpty()
                    && log.events(id, null, 1).isEmpty()) {
                throw CommandFailure.badInput("no migration with id '" + id + "'");
            }
            // one more than asked for tells whether older events were left out
            List<EventRow> rows = log.events(id, since, limit + 1);
            boolean truncated = rows.size() > limit;
            history = new History(session.schema().name(), id, truncated ? rows.subList(1, rows.size()) : rows,
                    truncated);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.MAPPER.writeValueAsString(history));
        } else {
            printText(history, out);
        }
        out.flush();
        return ExitCodes.DONE;
    }

    private void printText(History h, PrintWriter out) {
        if (h.events().isEmpty()) {
            out.println("no events" + (since == null ? "" : " in the last " + since) + " in control schema "
                    + SafeText.of(h.controlSchema()));
            return;
        }
        if (h.truncated()) {
            out.printf("older events left out: showing the last %d (--limit, --since)%n", h.events().size());
        }
        TextTable table = new TextTable("AT", "ACTOR", "MIGRATION", "EVENT", "CHANGE", "VERSION", "DETAIL");
        for (EventRow e : h.events()) {
            table.row(e.at(), e.actor(), e.migrationId(), e.kind(), change(e), e.stateVersion(), e.detail());
        }
        table.print(out);
    }

    private static String change(EventRow e) {
        if (e.from() == null && e.to() == null) {
            return null;
        }
        return (e.from() == null ? "" : e.from() + " -> ") + (e.to() == null ? "" : e.to());
    }
}
