package io.colshift.phase;

/**
 * One step {@code plan} shows.
 *
 * @param command the colshift command that runs it
 * @param action  what it does, in words
 * @param sql     the exact statement, or null when the step runs no SQL against the table
 * @param lock    the table lock it takes ("none" when it takes none)
 * @param hold    how long that lock is expected to be held
 * @param note    why this recipe, and what to watch
 */
public record PlanStep(String command, String action, String sql, String lock, String hold, String note) {
}
