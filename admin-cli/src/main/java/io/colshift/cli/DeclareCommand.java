package io.colshift.cli;

import io.colshift.phase.SafeText;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.colshift.state.ControlSchemaReader;
import io.colshift.state.InvalidSpecException;
import io.colshift.state.MigrationRow;
import io.colshift.state.MigrationSpec;
import io.colshift.state.Phase;
import io.colshift.state.SpecFiles;
import io.colshift.state.SpecValidator;
import io.colshift.state.ValidatedSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code colshift declare SPEC.yaml}: registers a column migration; drivers start presenting the target schema. */
@Command(name = "declare", mixinStandardHelpOptions = true,
        description = {
                "Validates a migration spec against the database and declares it. Nothing changes in the table: "
                        + "from now on, drivers show the column to reads (as its read fallback) and strip writes to it.",
                "",
                "The spec is refused, and nothing is written, when a field is unknown, a name is not a valid "
                        + "identifier, the type is not a PostgreSQL type, default/backfill are not exactly one SQL "
                        + "expression or reference missing columns, the table does not exist, or the column exists with "
                        + "another type. Running it again with the same spec changes nothing; a changed spec is accepted "
                        + "while the migration is still 'declared'.",
                "",
                "Returns once every driver runs the declared state (the staleness lease after the commit, and after "
                        + "every streaming standby replayed it): deploy the new application version then, not before."})
final class DeclareCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    BarrierOptions barrier;

    @Parameters(index = "0", paramLabel = "SPEC.yaml", description = "The migration spec file.")
    Path specFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        MigrationSpec parsed;
        try {
            parsed = SpecFiles.load(specFile);
        } catch (InvalidSpecException e) {
            throw CommandFailure.badInput(e.getMessage());
        }
        try (ControlSession session = connection.openSession()) {
            ValidatedSpec validated;
            try {
                validated = SpecValidator.validate(session.connection(), specFile.toString(),
                        UnqualifiedTable.qualify(session.connection(), parsed));
            } catch (InvalidSpecException e) {
                throw CommandFailure.badInput(e.getMessage());
            }
            MigrationSpec resolved = validated.spec();
            ControlSchemaReader reader = new ControlSchemaReader(session.connection(), session.schema());
            Optional<MigrationRow> existing = reader.migration(resolved.id());
            if (existing.isPresent()) {
                refuseChangeOf(existing.get(), resolved);
            }
            Optional<MigrationRow> other = reader.liveMigrationOf(resolved.tableSchema(), resolved.tableName(), resolved.column());
            if (other.isPresent() && !other.get().id().equals(resolved.id())) {
                throw CommandFailure.preconditionNotMet("column " + resolved.column() + " of " + resolved.displayTable()
                        + " is already being added by migration '" + other.get().id() + "' (phase "
                        + other.get().phase().label() + ")");
            }
            long version = session.writer().declare(validated, JSON.writeValueAsString(resolved.toMap()),
                    "declared from " + specFile.getFileName());
            String rerun = "colshift declare " + specFile;
            if (version < 0) {
                out.println(SafeText.of("migration '" + resolved.id() + "' is already declared with this spec;"
                        + " nothing to do"));
                session.awaitBarrier(barrier.timeout(), rerun, out);
                return ExitCodes.DONE;
            }
            out.println(SafeText.of("declared '" + resolved.id() + "': add " + resolved.displayTable() + "."
                    + resolved.column() + " " + resolved.type() + " (state version " + version + ")"));
            session.awaitBarrier(barrier.timeout(), rerun, out);
            out.println(SafeText.of("drivers now read " + resolved.column() + " as " + validated.readFallback()
                    + " and strip writes to it until `colshift expand " + resolved.id() + "`"));
            if (validated.columnExists()) {
                out.println("note: the column already exists with this type; `colshift expand` will adopt it");
            }
        }
        return ExitCodes.DONE;
    }

    private static void refuseChangeOf(MigrationRow existing, MigrationSpec resolved) throws Exception {
        if (existing.archived()) {
            throw CommandFailure.preconditionNotMet("migration id '" + existing.id() + "' was completed and archived;"
                    + " ids are never reused: give this spec a new id");
        }
        boolean sameSpec = JSON.readTree(existing.spec()).equals(JSON.valueToTree(resolved.toMap()));
        if (!sameSpec && existing.phase() != Phase.DECLARED) {
            throw CommandFailure.preconditionNotMet("migration '" + existing.id() + "' is in phase "
                    + existing.phase().label() + ": its spec can no longer change (roll it back first,"
                    + " or declare a new migration)");
        }
    }
}
