package io.colshift.state;

import java.util.List;

/**
 * A spec that passed every check against its database.
 *
 * @param spec          the spec, its table resolved to a schema
 * @param readFallback  what readers see while the column is absent or NULL, normalised (see
 *                      {@link SpecValidator#readFallback}); non-volatile, never a subquery
 * @param columnExists  whether the column is already in the table (with the spec's type)
 * @param notes         what the operator should know about the decisions taken (e.g. why reads see NULL)
 */
public record ValidatedSpec(MigrationSpec spec, String readFallback, boolean columnExists, List<String> notes) {

    public ValidatedSpec {
        notes = List.copyOf(notes);
    }

    public ValidatedSpec(MigrationSpec spec, String readFallback, boolean columnExists) {
        this(spec, readFallback, columnExists, List.of());
    }
}
