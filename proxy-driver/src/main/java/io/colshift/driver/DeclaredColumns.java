package io.colshift.driver;

import io.colshift.state.ColumnMigration;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.BaseStatement;
import org.postgresql.core.Field;
import org.postgresql.core.Tuple;
import org.postgresql.core.TypeInfo;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Adds the columns of {@code declared} migrations to pgjdbc's {@link DatabaseMetaData#getColumns} answer, so
 * that tools checking the schema at start-up (Hibernate's {@code hbm2ddl.auto=validate}) see the target schema
 * before the column exists. Each such column is listed once, after the table's real columns, nullable, with the
 * spec's default, and with the type facts pgjdbc itself would report for a column of that type.
 *
 * <p>Which tables match the patterns, the next attribute number and the type's catalog facts are asked of
 * PostgreSQL in one query per declared migration (the patterns are LIKE patterns, evaluated by the server as
 * pgjdbc's own query evaluates them; a catalog other than the current database selects nothing, as in pgjdbc); the JDBC type, name, size and scale come from pgjdbc's {@link TypeInfo},
 * the same source its {@code getColumns} uses. The merged rows are handed back as a pgjdbc result set built from
 * the real one's fields, so labels, column types, ordering and getters are pgjdbc's.
 */
final class DeclaredColumns {

    /**
     * One row per migrating table that matches the patterns and still lacks the column: its schema and name, the
     * database (pgjdbc's TABLE_CAT), and the declared type's catalog facts. The type (already
     * validated by {@code colshift declare}, as for every rewritten read) is spliced only into the CAST whose
     * result description carries its modifier; names and patterns are bound parameters. The query runs on the
     * application's connection, under its search_path: every operator is named in pg_catalog, so no operator of
     * another schema on that path is ever called.
     */
    private static final String PROBE = """
            SELECT n.nspname, c.relname, pg_catalog.current_database(), t.oid, t.typtype, t.typbasetype, t.typtypmod, CAST(NULL AS %s) AS declared_value
            FROM pg_catalog.pg_namespace n
            JOIN pg_catalog.pg_class c ON c.relnamespace OPERATOR(pg_catalog.=) n.oid
            JOIN pg_catalog.pg_type t ON t.oid OPERATOR(pg_catalog.=) pg_catalog.pg_typeof(CAST(NULL AS %1$s))::pg_catalog.oid
            WHERE n.nspname::pg_catalog.text OPERATOR(pg_catalog.=) ?::pg_catalog.text
              AND c.relname::pg_catalog.text OPERATOR(pg_catalog.=) ?::pg_catalog.text
              AND c.relkind OPERATOR(pg_catalog.=) ANY ('{r,p,v,f,m}'::pg_catalog."char"[])
              AND (?::pg_catalog.text OPERATOR(pg_catalog.=) '' OR pg_catalog.current_database()::pg_catalog.text OPERATOR(pg_catalog.=) ?::pg_catalog.text)
              AND (?::pg_catalog.text OPERATOR(pg_catalog.=) '' OR n.nspname::pg_catalog.text OPERATOR(pg_catalog.~~) ?::pg_catalog.text)
              AND (?::pg_catalog.text OPERATOR(pg_catalog.=) '' OR c.relname::pg_catalog.text OPERATOR(pg_catalog.~~) ?::pg_catalog.text)
              AND (?::pg_catalog.text OPERATOR(pg_catalog.=) '' OR ?::pg_catalog.text OPERATOR(pg_catalog.~~) ?::pg_catalog.text)
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                               WHERE a.attrelid OPERATOR(pg_catalog.=) c.oid AND a.attname::pg_catalog.text OPERATOR(pg_catalog.=) ?::pg_catalog.text
                                 AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped)
            """;

    private static final int SCHEMA = 1;
    private static final int TABLE = 2;

    private DeclaredColumns() {
    }

    /**
     * The real answer with the declared columns matching the patterns merged in, or {@code real} itself when
     * none matches. {@code real} is consumed when rows are added.
     *
     * @param realMetaData the real driver's metadata {@code real} came from
     * @param skipped      told of each migration whose column could not be described (it is left out; the
     *                     application's transaction is left as it was)
     */
    static ResultSet merge(ResultSet real, DatabaseMetaData realMetaData, List<ColumnMigration> declared, String catalog,
                           String schemaPattern, String tablePattern, String columnPattern,
                           BiConsumer<ColumnMigration, SQLException> skipped) throws SQLException {
        BaseConnection pg = realMetaData.getConnection().unwrap(BaseConnection.class);
        List<byte[][]> added = new ArrayList<>();
        ResultSetMetaData realShape = real.getMetaData();
        String[] labels = new String[realShape.getColumnCount()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = realShape.getColumnLabel(i + 1);
        }
        for (ColumnMigration m : declared) {
            if (columnPattern == null || columnPattern.isEmpty() || matchesLocally(m.column(), columnPattern)) {
                try {
                    probe(pg, m, catalog, schemaPattern, tablePattern, columnPattern, labels, added);
                } catch (SQLException e) {
                    skipped.accept(m, e);
                }
            }
        }
        if (added.isEmpty()) {
            return real;
        }
        Field[] fields = new Field[labels.length];
        for (int i = 0; i < labels.length; i++) {
            fields[i] = new Field(labels[i], pg.getTypeInfo().getPGType(realShape.getColumnTypeName(i + 1)));
        }
        int schema = indexOf(labels, "TABLE_SCHEM");
        int table = indexOf(labels, "TABLE_NAME");
        int ordinal = indexOf(labels, "ORDINAL_POSITION");
        List<byte[][]> rows = new ArrayList<>();
        while (real.next()) {
            byte[][] row = new byte[labels.length][];
            for (int i = 0; i < labels.length; i++) {
                row[i] = real.getBytes(i + 1);
            }
            rows.add(row);
        }
        boolean allColumnsListed = columnPattern == null || columnPattern.isEmpty() || columnPattern.equals("%");
        for (byte[][] row : added) {
            // After the table's last column as this pgjdbc numbers them (attnum in some versions, the live
            // column's rank in others): taken from the listing itself, or from a listing of the whole table.
            int last = lastPosition(rows, row, schema, table, ordinal);
            if (!allColumnsListed) {
                last = Math.max(last, lastPosition(realMetaData, pg, catalog, row[schema], row[table], ordinal));
            }
            row[ordinal] = pg.encodeString(Integer.toString(last + 1));
            rows.add(row);
        }
        // pgjdbc orders by nspname, relname (type name: byte order) and position; a stable sort keeps its order.
        rows.sort(Comparator.<byte[][], byte[]>comparing(t -> t[schema], Arrays::compareUnsigned)
                .thenComparing(t -> t[table], Arrays::compareUnsigned)
                .thenComparingInt(t -> position(t[ordinal])));
        List<Tuple> tuples = new ArrayList<>(rows.size());
        for (byte[][] row : rows) {
            tuples.add(new Tuple(row));
        }
        Statement owner = real.getStatement();
        return ((BaseStatement) owner).createDriverResultSet(fields, tuples);
    }

    private static int position(byte[] ordinal) {
        return Integer.parseInt(new String(ordinal, StandardCharsets.US_ASCII));
    }

    /** The highest position among {@code rows} of the table {@code row} belongs to, 0 if none. */
    private static int lastPosition(List<byte[][]> rows, byte[][] row, int schema, int table, int ordinal) {
        int last = 0;
        for (byte[][] r : rows) {
            if (Arrays.equals(r[schema], row[schema]) && Arrays.equals(r[table], row[table]) && r[ordinal] != null) {
                last = Math.max(last, position(r[ordinal]));
            }
        }
        return last;
    }

    /** The highest position of the table's real columns, from the real driver's listing of exactly that table. */
    private static int lastPosition(DatabaseMetaData realMetaData, BaseConnection pg, String catalog, byte[] schema,
                                    byte[] table, int ordinal) throws SQLException {
        String escape = realMetaData.getSearchStringEscape();
        int last = 0;
        try (ResultSet rs = realMetaData.getColumns(catalog, literalPattern(decode(pg, schema), escape),
                literalPattern(decode(pg, table), escape), null)) {
            while (rs.next()) {
                last = Math.max(last, rs.getInt(ordinal + 1));
            }
        }
        return last;
    }

    private static String decode(BaseConnection pg, byte[] bytes) throws SQLException {
        try {
            return pg.getEncoding().decode(bytes);
        } catch (java.io.IOException e) {
            throw new SQLException("cannot decode a catalog name", e);
        }
    }

    /** {@code name} as a LIKE pattern matching only itself. */
    private static String literalPattern(String name, String escape) {
        StringBuilder sb = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch == '%' || ch == '_' || escape.indexOf(ch) == 0) {
                sb.append(escape);
            }
            sb.append(ch);
        }
        return sb.toString();
    }

    /** A LIKE test the server would surely fail, done here to spare the round trip: no wildcard, no escape. */
    private static boolean matchesLocally(String column, String pattern) {
        boolean literal = pattern.indexOf('%') < 0 && pattern.indexOf('_') < 0 && pattern.indexOf('\\') < 0;
        return !literal || pattern.equals(column);
    }

    private static void probe(BaseConnection pg, ColumnMigration m, String catalog, String schemaPattern,
                              String tablePattern, String columnPattern, String[] labels, List<byte[][]> added)
            throws SQLException {
        Savepoint savepoint = pg.getAutoCommit() ? null : pg.setSavepoint();
        try (var ps = pg.prepareStatement(PROBE.formatted(m.type()))) {
            int i = 1;
            ps.setString(i++, m.schema());
            ps.setString(i++, m.table());
            for (String pattern : new String[] {catalog, schemaPattern, tablePattern}) {
                ps.setString(i++, pattern == null ? "" : pattern);
                ps.setString(i++, pattern == null ? "" : pattern);
            }
            ps.setString(i++, columnPattern == null ? "" : columnPattern);
            ps.setString(i++, m.column());
            ps.setString(i++, columnPattern == null ? "" : columnPattern);
            ps.setString(i, m.column());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    added.add(row(pg, m, rs, labels));
                }
            }
            if (savepoint != null) {
                pg.releaseSavepoint(savepoint);
            }
        } catch (SQLException e) {
            if (savepoint != null) {
                pg.rollback(savepoint);
            }
            throw e;
        }
    }

    /** The row pgjdbc's getColumns would show for the column once ADD COLUMN has run (nullable, no comment). */
    private static byte[][] row(BaseConnection pg, ColumnMigration m, ResultSet probe, String[] labels)
            throws SQLException {
        TypeInfo types = pg.getTypeInfo();
        ResultSetMetaData value = probe.getMetaData();
        int valueColumn = 8;
        int typeOid = (int) probe.getLong(4);
        String typtype = probe.getString(5);
        int baseTypeOid = (int) probe.getLong(6);
        int typtypmod = probe.getInt(7);
        int sqlType = switch (typtype) {
            case "c" -> java.sql.Types.STRUCT;
            case "d" -> java.sql.Types.DISTINCT;
            case "e" -> java.sql.Types.VARCHAR;
            default -> types.getSQLType(typeOid);
        };
        String pgType = types.getPGType(typeOid);
        String columnDefault = m.columnDefault();
        boolean sequenceDefault = columnDefault != null && columnDefault.contains("nextval(");
        String typeName = !sequenceDefault ? pgType : switch (pgType) {
            case "int4" -> "serial";
            case "int8" -> "bigserial";
            case "int2" -> "smallserial";
            default -> pgType;
        };
        Integer decimalDigits;
        int columnSize;
        boolean noModifier;
        if (sqlType == java.sql.Types.DISTINCT) {
            // A domain column carries no modifier of its own: the domain's typtypmod applies to its base type.
            noModifier = true;
            decimalDigits = types.getScale(baseTypeOid, -1);
            if (typtypmod == -1) {
                columnSize = types.getPrecision(baseTypeOid, -1);
            } else if (baseTypeOid == org.postgresql.core.Oid.NUMERIC) {
                decimalDigits = types.getScale(baseTypeOid, typtypmod);
                columnSize = types.getPrecision(baseTypeOid, typtypmod);
            } else {
                columnSize = typtypmod;
            }
        } else {
            // The result description of CAST(NULL AS type) carries the declared modifier; pgjdbc's metadata of
            // it applies TypeInfo to (oid, modifier) exactly as getColumns does for a column.
            decimalDigits = value.getScale(valueColumn);
            columnSize = value.getPrecision(valueColumn);
            noModifier = typeOid == org.postgresql.core.Oid.NUMERIC && columnSize == 0;
            if (sqlType != java.sql.Types.NUMERIC && columnSize == 0) {
                columnSize = value.getColumnDisplaySize(valueColumn);
            }
        }
        if ((sqlType == java.sql.Types.NUMERIC || sqlType == java.sql.Types.DECIMAL) && noModifier) {
            decimalDigits = null;
        }
        byte[][] tuple = new byte[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            String v = switch (labels[i]) {
                case "TABLE_SCHEM" -> probe.getString(SCHEMA);
                case "TABLE_NAME" -> probe.getString(TABLE);
                case "COLUMN_NAME" -> m.column();
                case "DATA_TYPE" -> Integer.toString(sqlType);
                case "TYPE_NAME" -> typeName;
                case "COLUMN_SIZE", "CHAR_OCTET_LENGTH" -> Integer.toString(columnSize);
                case "DECIMAL_DIGITS" -> decimalDigits == null ? null : decimalDigits.toString();
                case "NUM_PREC_RADIX" -> "bit".equals(pgType) || "varbit".equals(pgType) ? "2" : "10";
                case "NULLABLE" -> Integer.toString(DatabaseMetaData.columnNullable);
                case "COLUMN_DEF" -> columnDefault;
                case "TABLE_CAT" -> probe.getString(3);
                case "IS_NULLABLE" -> "YES";
                case "SOURCE_DATA_TYPE" -> baseTypeOid == 0 ? null : Integer.toString(types.getSQLType(baseTypeOid));
                case "IS_AUTOINCREMENT" -> sequenceDefault ? "YES" : "NO";
                case "IS_GENERATEDCOLUMN" -> "NO";
                default -> null; // buffer length, remarks, SQL_DATA_TYPE, scope: null as in pgjdbc; position: later
            };
            tuple[i] = v == null ? null : pg.encodeString(v);
        }
        return tuple;
    }

    private static int indexOf(String[] labels, String label) throws SQLException {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i].equalsIgnoreCase(label)) {
                return i;
            }
        }
        throw new SQLException("getColumns result without " + label);
    }
}
