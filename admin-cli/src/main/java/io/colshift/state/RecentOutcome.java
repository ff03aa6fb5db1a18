package io.colshift.state;

/**
 * A migration that ended recently: completed (archived) or rolled back to {@code declared}, read from {@code events}.
 *
 * @param outcome {@code completed} or {@code rolled back}
 * @param at      when (ISO-8601 UTC)
 * @param actor   who ran the step, as recorded in the event
 */
public record RecentOutcome(String migrationId, String table, String column, String outcome, String at, String actor,
                            Long stateVersion, String detail) {
}
