package io.colshift.cli;

import io.colshift.state.SafeText;

import io.colshift.phase.BackfillOptions;
import io.colshift.phase.ExpressionProbe;
import io.colshift.phase.IndexSpec;
import io.colshift.phase.MigrationRecord;
import io.colshift.phase.MigrationStore;
import io.colshift.phase.PhaseException;
import io.colshift.phase.Plan;
import io.colshift.phase.PlanFacts;
import io.colshift.phase.PlanText;
import io.colshift.phase.Planner;
import io.colshift.phase.ServerVersion;
import io.colshift.state.InvalidSpecException;
import io.colshift.state.MigrationSpec;
import io.colshift.state.Phase;
import io.colshift.state.SpecFiles;
import io.colshift.state.SpecValidator;
import io.colshift.state.ValidatedSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code colshift plan SPEC.yaml|ID}: shows every step for this server, changing nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Shows what colshift would do for a migration on this server, and changes nothing: every step "
                        + "with its exact SQL, the lock it takes and how long it is expected to hold it, and whether a "
                        + "backfill is needed at all (a non-volatile default on PostgreSQL 11+ is stored in the catalog "
                        + "and needs none; volatility is read from pg_proc, never guessed from the text).",
                "",
                "Recipes follow the server version: NOT NULL via a validated CHECK and SET NOT NULL on 12-17, "
                        + "the native NOT NULL ... NOT VALID on 18, and a CHECK kept in place of SET NOT NULL on 11."})
final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    LockOptions locks;

    @Parameters(index = "0", paramLabel = "SPEC.yaml|ID",
            description = "A spec file (not yet declared, or declared), or the id of a declared migration.")
    String target;

    @Option(names = "--json", description = "Print the plan as JSON.")
    boolean json;

    /** What validating the spec file had to say (e.g. why reads see NULL); none for a declared migration. */
    private List<String> notes = List.of();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Connection c = connection.connect()) {
            MigrationRecord m = looksLikeFile() ? fromSpec(c) : new MigrationStore(c, connection.controlSchema()).load(target);
            ExpressionProbe.Result probe = ExpressionProbe.probe(c, m.type(), m.defaultExpr());
            Plan plan = Planner.plan(m, ServerVersion.of(c), probe, PlanFacts.gather(c, m), locks.ddlOptions(),
                    BackfillOptions.DEFAULTS);
            out.print(json ? Json.MAPPER.writeValueAsString(plan) + System.lineSeparator()
                    : SafeText.text(PlanText.render(plan)));
            if (!json) {
                notes.forEach(note -> out.println(SafeText.of("note: " + note)));
            }
            out.flush();
        } catch (PhaseException e) {
            throw PhaseCommands.failure(e);
        }
        return ExitCodes.DONE;
    }

    private boolean looksLikeFile() {
        return target.endsWith(".yaml") || target.endsWith(".yml") || Files.exists(Path.of(target));
    }

    private MigrationRecord fromSpec(Connection c) throws Exception {
        MigrationSpec resolved;
        try {
            MigrationSpec parsed = SpecFiles.load(Path.of(target));
            ValidatedSpec validated = SpecValidator.validate(c, target, UnqualifiedTable.qualify(c, parsed),
                    connection.controlSchema().name());
            resolved = validated.spec();
            notes = validated.notes();
        } catch (InvalidSpecException e) {
            throw CommandFailure.badInput(e.getMessage());
        }
        IndexSpec index = resolved.index() == null ? null : IndexSpec.fromJson("{\"concurrently\": "
                + resolved.index().concurrently() + "}", resolved.tableName(), resolved.column());
        return new MigrationRecord(resolved.id(), resolved.tableSchema(), resolved.tableName(), resolved.column(),
                resolved.type(), resolved.defaultExpr(), resolved.backfillExpr(), resolved.notNull(), index,
                Phase.DECLARED, false, false);
    }
}
