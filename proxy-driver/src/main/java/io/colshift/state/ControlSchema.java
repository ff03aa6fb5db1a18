package io.colshift.state;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Names and DDL of the control schema that the CLI writes and every driver reads.
 * The schema name is checked to be a plain lower-case identifier, so it can be spliced into SQL.
 */
public final class ControlSchema {

    public static final String DEFAULT_NAME = "colshift";
    public static final int CURRENT_VERSION = 3;

    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String name;

    private ControlSchema(String name) {
        this.name = name;
    }

    /** @throws IllegalArgumentException when {@code name} is not a plain lower-case identifier */
    public static ControlSchema named(String name) {
        if (name == null || !PLAIN_IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("control schema name must match [a-z_][a-z0-9_]*, got '" + name + "'");
        }
        return new ControlSchema(name);
    }

    public String name() {
        return name;
    }

    /** The {@code LISTEN}/{@code NOTIFY} channel; the payload is the new state version. */
    public String channel() {
        return name;
    }

    /** {@code schema.table}, for splicing into SQL. */
    public String table(String table) {
        return name + "." + table;
    }

    /** The statements that create or upgrade the schema, in order; each is idempotent. */
    public List<String> ddl() {
        String script;
        try (InputStream in = ControlSchema.class.getResourceAsStream("control-schema.sql")) {
            if (in == null) {
                throw new IllegalStateException("control-schema.sql missing from the colshift jar");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String withoutComments = script.replaceAll("(?m)--.*$", "");
        return Arrays.stream(withoutComments.replace("${schema}", name).split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    @Override
    public String toString() {
        return name;
    }
}
