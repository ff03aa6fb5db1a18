package io.colshift.demo.workload;

/** The two application versions that run side by side during a migration. */
public enum AppVersion {
    /** Deployed before the migration: knows nothing of the new column. */
    V1("v1"),
    /** Deployed during the migration: reads and writes the new column from its first request. */
    V2("v2");

    private final String label;

    AppVersion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The {@code ApplicationName} this version's connections give: the driver keeps their adoption counters
     * apart by it, so that each version reports on a {@code clients} row of its own although both share one JVM.
     */
    public String applicationName() {
        return "colshift-demo-" + label;
    }
}
