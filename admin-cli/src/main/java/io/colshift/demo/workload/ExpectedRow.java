package io.colshift.demo.workload;

/**
 * What an application was told it wrote to one row, keyed by its unique email.
 *
 * @param id          primary key, or 0 when the writer did not ask for it (batch inserts)
 * @param email       the row's unique key
 * @param name        the name last acknowledged
 * @param status      the status the database acknowledged (via {@code RETURNING}), or null when the writer
 *                    never wrote it and the spec's value applies
 * @param softDeleted whether {@code deleted_at} is set
 * @param deleted     whether the row was deleted (and must be absent)
 */
public record ExpectedRow(long id, String email, String name, String status, boolean softDeleted, boolean deleted) {

    /** The status readers must see: the acknowledged one, else the one the spec derives for the row. */
    public String expectedStatus() {
        return status != null ? status : UsersTable.derivedStatus(softDeleted);
    }

    public ExpectedRow withName(String newName) {
        return new ExpectedRow(id, email, newName, status, softDeleted, deleted);
    }

    public ExpectedRow withNameAndStatus(String newName, String newStatus) {
        return new ExpectedRow(id, email, newName, newStatus, softDeleted, deleted);
    }

    public ExpectedRow asDeleted() {
        return new ExpectedRow(id, email, name, status, softDeleted, true);
    }

    public static ExpectedRow seeded(long id) {
        return new ExpectedRow(id, UsersTable.seededEmail(id), UsersTable.seededName(id), null,
                UsersTable.seededDeleted(id), false);
    }
}
