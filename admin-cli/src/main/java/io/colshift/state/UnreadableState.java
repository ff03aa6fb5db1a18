package io.colshift.state;

/**
 * A value in the control schema that this colshift cannot act on, such as a phase it does not know: the schema was
 * changed outside colshift, or by a newer version. The CLI refuses the step (exit 3) and names the migration, the
 * column and the value; it never guesses what was meant.
 */
public final class UnreadableState extends RuntimeException {

    private UnreadableState(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The stored phase of migration {@code migrationId} as a {@link Phase}.
     *
     * @throws UnreadableState when {@code label} is not one of the phases
     */
    public static Phase phase(ControlSchema schema, String migrationId, String label) {
        try {
            if (label != null) {
                return Phase.fromLabel(label);
            }
        } catch (IllegalArgumentException e) {
            throw unknownPhase(schema, migrationId, label, e);
        }
        throw unknownPhase(schema, migrationId, null, null);
    }

    private static UnreadableState unknownPhase(ControlSchema schema, String migrationId, String label, Throwable cause) {
        return new UnreadableState("migration '" + migrationId + "' has phase " + (label == null ? "NULL" : "'" + label
                + "'") + " in " + schema.table("migrations") + ", which is not a phase colshift knows ("
                + String.join(", ", java.util.Arrays.stream(Phase.values()).map(Phase::label).toList())
                + "): the control schema was changed outside colshift or by a newer colshift; nothing was done."
                + " Restore the row (see the events table for its history) or upgrade colshift.", cause);
    }
}
