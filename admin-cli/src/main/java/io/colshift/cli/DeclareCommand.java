package io.colshift.cli;

import io.colshift.state.SafeText;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.colshift.state.ControlSchemaReader;
import io.colshift.state.InvalidSpecException;
import io.colshift.state.MigrationRow;
import io.colshift.state.MigrationSpec;
import io.colshift.state.Phase;
import io.colshift.state.SpecFiles;
import io.colshift.state.SpecProblem;
import io.colshift.state.SpecValidator;
import io.colshift.state.ValidatedSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code colshift declare SPEC.yaml}: registers a column migration; drivers start presenting the target schema. */
@Command(name = "declare", mixinStandardHelpOptions = true,
        description = {
                "Validates a migration spec against the database and declares it. Nothing changes in the table: "
                        + "from now on, drivers show the column to reads (as its read fallback) and strip writes to it.",
                "",
                "The spec is refused (exit 2), and nothing is written, when the file is over 1 MiB or not UTF-8, "
                        + "a field is unknown, a name is not a valid identifier (at most 63 bytes), the type is not a "
                        + "PostgreSQL type, default/backfill/read_fallback are not exactly one SQL expression or "
                        + "reference missing columns, read_fallback is volatile, the table does not exist or is a "
                        + "partition, a view, a materialized or foreign table, a system or colshift's own table, or the "
                        + "column already exists. Running it again with the same spec changes nothing; a changed spec is accepted "
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
        Duration timeout = barrier.timeout();
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
                        UnqualifiedTable.qualify(session.connection(), parsed), session.schema().name());
            } catch (InvalidSpecException e) {
                throw CommandFailure.badInput(e.getMessage());
            }
            MigrationSpec resolved = validated.spec();
            ControlSchemaReader reader = new ControlSchemaReader(session.connection(), session.schema());
            Optional<MigrationRow> existing = reader.migration(resolved.id());
            if (existing.isPresent()) {
                refuseChangeOf(existing.get(), resolved);
            }
            if (validated.columnExists() && !sameLiveMigration(existing, resolved)) {
                throw CommandFailure.badInput(new InvalidSpecException(specFile.toString(), List.of(new SpecProblem(
                        "column", "column " + resolved.column() + " already exists in " + resolved.displayTable()
                        + " (with the spec's type); colshift adds columns that do not exist yet, and declaring this one"
                        + " would make every driver read the spec's fallback instead of the data it holds. If the column"
                        + " is already in use there is nothing to migrate; if it is a leftover, drop it first"
                        + " (ALTER TABLE " + resolved.displayTable() + " DROP COLUMN " + resolved.column() + ")"
                        + " and declare again"))).getMessage());
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
                session.awaitBarrier(timeout, rerun, out);
                return ExitCodes.DONE;
            }
            out.println(SafeText.of("declared '" + resolved.id() + "': add " + resolved.displayTable() + "."
                    + resolved.column() + " " + resolved.type() + " (state version " + version + ")"));
            session.awaitBarrier(timeout, rerun, out);
            out.println(SafeText.of("drivers now read " + resolved.column() + " as " + validated.readFallback()
                    + " and strip writes to it until `colshift expand " + resolved.id() + "`"));
            validated.notes().forEach(note -> out.println(SafeText.of("note: " + note)));
        }
        return ExitCodes.DONE;
    }

    /**
     * Whether {@code existing} is this very migration, live, adding this column: then the column exists because an
     * earlier {@code expand} of it added it, and declaring the same spec again is a no-op.
     */
    private static boolean sameLiveMigration(Optional<MigrationRow> existing, MigrationSpec resolved) {
        return existing.isPresent() && !existing.get().archived()
                && existing.get().tableSchema().equals(resolved.tableSchema())
                && existing.get().tableName().equals(resolved.tableName())
                && existing.get().column().equals(resolved.column());
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
