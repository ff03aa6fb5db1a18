package io.colshift.cli;

import io.colshift.embedded.junit.TestDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small table taken through a migration with the real commands (short lease): {@code status} text set by a
 * backfill expression, NOT NULL, and an index, in a control schema of its own.
 */
final class MigratedTable {

    static final String BACKFILL = "CASE WHEN deleted_at IS NULL THEN 'active' ELSE 'gone' END";

    final Cli cli;
    final String schema;
    final String table;
    final String id;

    private MigratedTable(Cli cli, String schema, String table) {
        this.cli = cli;
        this.schema = schema;
        this.table = table;
        this.id = table.replace('_', '-') + "-status";
    }

    /** Creates {@code table} with {@code rows} rows (every 10th deleted) and declares its migration. */
    static MigratedTable declared(TestDatabase db, Path dir, String schema, String table, int rows) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + table + " (id bigint PRIMARY KEY, name text NOT NULL, deleted_at timestamptz)");
            st.execute("INSERT INTO " + table + " SELECT g, 'user ' || g, CASE WHEN g % 10 = 0 THEN now() END"
                    + " FROM generate_series(1, " + rows + ") g");
            st.execute("ANALYZE " + table);
        }
        MigratedTable t = new MigratedTable(new Cli(db), schema, table);
        Cli.Result init = t.cli.run("init", "--schema", schema, "--lease", "50ms");
        assertThat(init.exitCode()).as(init.all()).isZero();
        Path spec = dir.resolve(t.id + ".yaml");
        Files.writeString(spec, "id: " + t.id + "\ntable: " + table + "\ncolumn: status\ntype: text\n"
                + "default: \"'active'\"\nbackfill: \"" + BACKFILL + "\"\nnot_null: true\nindex: { concurrently: true }\n");
        t.ok("declare", spec.toString());
        return t;
    }

    /** {@link #declared}, then expand, writes on, backfill, contract and complete. */
    static MigratedTable completed(TestDatabase db, Path dir, String schema, String table, int rows) throws Exception {
        MigratedTable t = declared(db, dir, schema, table, rows);
        t.ok("expand", t.id);
        t.ok("flag", t.id, "--writes", "on");
        t.ok("backfill", t.id, "--plain");
        t.ok("contract", t.id);
        t.ok("complete", t.id);
        return t;
    }

    Cli.Result ok(String command, String... args) {
        Cli.Result r = run(command, args);
        assertThat(r.exitCode()).as(command + ": " + r.all()).isZero();
        return r;
    }

    /** Runs {@code colshift command --schema <schema> args}. */
    Cli.Result run(String command, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--schema";
        all[1] = schema;
        System.arraycopy(args, 0, all, 2, args.length);
        return cli.run(command, all);
    }
}
