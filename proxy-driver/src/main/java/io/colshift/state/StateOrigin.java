package io.colshift.state;

/** How the snapshot a server's statements run under was last read (or renewed). */
public enum StateOrigin {
    /** Never read: the state of a server no statement has run on yet. */
    NONE("none"),
    /** Read by the watcher after a {@code NOTIFY}. */
    WATCHER_NOTIFY("watcher-notify"),
    /** Read or renewed by the watcher's periodic version query. */
    WATCHER_POLL("watcher-poll"),
    /** Read or renewed over an application connection, right before one of its statements. */
    APPLICATION_CONNECTION("application-connection");

    private final String label;

    StateOrigin(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
