package io.colshift.bench;

import java.util.Collection;

/** How a budget fared when judged on ratios paired round by round ({@link PairedRatio#against}). */
public enum Verdict {

    /** Every round reached the budget. */
    MET("met"),

    /** The budget lies inside the round-to-round range: some rounds reached it, some did not. */
    NOT_SETTLED("not settled: budget within round-to-round range"),

    /** No round reached the budget. */
    MISSED("**missed**");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** The verdict of a budget made of several parts: missed if one part is, met only if all are. */
    public static Verdict allOf(Collection<Verdict> parts) {
        if (parts.contains(MISSED)) {
            return MISSED;
        }
        return parts.contains(NOT_SETTLED) ? NOT_SETTLED : MET;
    }
}
