package io.colshift.state;

/**
 * Whether pgjdbc is on the class path. colshift compiles against it but leaves it to the application (a provided,
 * optional dependency): code touching pgjdbc's own classes asks here first, and keeps those classes in a nested
 * class that is only loaded when the answer is yes.
 */
public final class Pgjdbc {

    /** pgjdbc's classes can be loaded by colshift's class loader. */
    public static final boolean PRESENT = loadable("org.postgresql.core.BaseConnection");

    private Pgjdbc() {
    }

    private static boolean loadable(String className) {
        try {
            Class.forName(className, false, Pgjdbc.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
