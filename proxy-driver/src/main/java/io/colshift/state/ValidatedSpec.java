package io.colshift.state;

/**
 * A spec that passed every check against its database.
 *
 * @param spec          the spec, its table resolved to a schema
 * @param readFallback  what readers see while the column is absent or NULL (see {@link SpecValidator#readFallback})
 * @param columnExists  whether the column is already in the table (with the spec's type)
 */
public record ValidatedSpec(MigrationSpec spec, String readFallback, boolean columnExists) {
}
