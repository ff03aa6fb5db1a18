package io.colshift.phase;

/**
 * One check of {@code colshift verify}.
 *
 * @param name   stable, for scripts: {@code column}, {@code default}, {@code not-null}, {@code no-null},
 *               {@code backfill-sample}, {@code index}, {@code no-fail-open}
 * @param status {@code ok}, {@code FAILED} or {@code skipped}
 * @param detail what was found, or why the check does not apply
 */
public record VerifyCheck(String name, String status, String detail) {

    public static final String OK = "ok";
    public static final String FAILED = "FAILED";
    public static final String SKIPPED = "skipped";

    static VerifyCheck ok(String name, String detail) {
        return new VerifyCheck(name, OK, detail);
    }

    static VerifyCheck failed(String name, String detail) {
        return new VerifyCheck(name, FAILED, detail);
    }

    static VerifyCheck skipped(String name, String reason) {
        return new VerifyCheck(name, SKIPPED, reason);
    }

    public boolean failed() {
        return FAILED.equals(status);
    }
}
