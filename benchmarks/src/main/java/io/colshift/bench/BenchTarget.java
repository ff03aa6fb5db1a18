package io.colshift.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/**
 * Where the benchmarked database is. Forked benchmark JVMs receive it as a file readable by its owner
 * only (never as command-line arguments, which every user of the machine can read).
 */
public record BenchTarget(String rawUrl, String user, String password, int rows) {

    /** System property naming the file a forked benchmark JVM reads its target from. */
    public static final String FILE_PROPERTY = "colshift.bench.target";

    public String colshiftUrl() {
        return "jdbc:colshift:" + rawUrl.substring("jdbc:".length());
    }

    public String p6spyUrl() {
        return "jdbc:p6spy:" + rawUrl.substring("jdbc:".length());
    }

    public Path writeTo(Path file) {
        Properties p = new Properties();
        p.setProperty("url", rawUrl);
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("rows", Integer.toString(rows));
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer w = Files.newBufferedWriter(file)) {
                p.store(w, "colshift benchmark target");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the benchmark target to " + file, e);
        }
    }

    public static BenchTarget readFrom(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the benchmark target from " + file, e);
        }
        return new BenchTarget(p.getProperty("url"), p.getProperty("user"), p.getProperty("password", ""),
                Integer.parseInt(p.getProperty("rows")));
    }

    @Override
    public String toString() {
        return "BenchTarget[" + rawUrl + ", user=" + user + ", rows=" + rows + "]";
    }
}
