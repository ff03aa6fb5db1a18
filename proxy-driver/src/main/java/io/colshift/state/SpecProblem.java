package io.colshift.state;

/**
 * One reason a migration spec is refused.
 *
 * @param field  the spec field at fault ({@code id}, {@code table}, {@code default}, …), or the unknown key itself
 * @param reason what is wrong, in words an operator can act on
 */
public record SpecProblem(String field, String reason) {

    @Override
    public String toString() {
        return "field '" + field + "': " + reason;
    }
}
