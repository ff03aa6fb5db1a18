package io.colshift.state;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link SafeSql} normalises means to PostgreSQL exactly what the text it came from meant. */
@WithPostgres
class SafeSqlIT {

    private static final String ROW = " FROM (VALUES (7, 'Ann O''Neil', NULL::timestamptz, 12.345::numeric,"
            + " '{\"k\": \"v\"}'::jsonb, ARRAY[3, 1, 2])) AS t(id, name, deleted_at, balance, doc, tags)";

    private static final List<String> CORPUS = List.of(
            "'active'",
            "CASE WHEN deleted_at IS NULL THEN 'active' ELSE 'gone' END",
            "lower(name) || '-' || id::text",
            "balance::numeric(10,2)",
            "CAST(balance AS varchar(4))",
            "coalesce(deleted_at::text, 'never') /* why */",
            "id IS NOT DISTINCT FROM 7",
            "id BETWEEN 1 AND 10",
            "id IN (1, 7, 9)",
            "doc ->> 'k'",
            "doc @> '{\"k\": \"v\"}'",
            "name ILIKE 'ann%'",
            "name SIMILAR TO 'A%'",
            "name ~ '^A'",
            "tags[2]",
            "array_length(tags, 1)",
            "'{1,2}'::int[]",
            "E'tab\\there'",
            "E'back\\\\slash'",
            "'it''s' -- trailing comment",
            "-id + 2 * 3 ^ 2",
            "(id % 4) = 3",
            "NOT (id > 5)",
            "nullif(id, 7)",
            "greatest(id, 3, 11)",
            "extract(year FROM timestamptz '2020-05-01 00:00+00' AT TIME ZONE 'UTC')",
            "date_trunc('day', timestamp '2020-05-01 13:14:15')",
            "interval '1 day' * 3",
            "position('O' in name)",
            "substring(name from 2 for 3)",
            "trim(both 'A' from name)",
            "name COLLATE \"C\"",
            "md5(name)",
            "x'ff'::int",
            "b'101'::int",
            "TRUE AND id > 1 OR FALSE",
            "current_date - current_date");

    @Test
    void normalisedExpressionsEvaluateAsTheOriginalsDo(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String text : CORPUS) {
                SafeSql.Expr expr = SafeSql.expression(text, SafeSql.Use.BACKFILL);
                String original = value(st, "SELECT ((\n" + text + "\n))::text" + ROW);
                String normalised = value(st, "SELECT (" + expr.spliced() + ")::text" + ROW);
                assertThat(normalised).as("%s normalised to %s", text, expr.normalised()).isEqualTo(original);
            }
        }
    }

    @Test
    void normalisedTypeNamesAreTheTypesTheyCameFrom(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String type : List.of("TEXT", "varchar( 20 )", "numeric(10, 2)", "timestamp  WITH time zone",
                    "timestamp(3) without time zone", "interval day to second(3)", "double precision", "int []",
                    "character varying(5)[]", "bit varying(3)", "pg_catalog.int8", "\"char\"")) {
                String normalised = TypeNames.normalise(type);
                assertThat(value(st, "SELECT pg_typeof(CAST(NULL AS " + normalised + "))::text"))
                        .as(type).isEqualTo(value(st, "SELECT pg_typeof(CAST(NULL AS " + type + "))::text"));
            }
        }
    }

    private static String value(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
