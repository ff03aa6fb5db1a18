package io.colshift.rewrite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds the rewritten text from the original: copies ranges of it byte for byte with the edits applied,
 * adds literal text between them, and follows every JDBC placeholder so the application's parameter
 * indexes can be mapped onto the new text.
 */
final class TextComposer {

    private static final Comparator<Edit> ORDER = Comparator.comparingInt(Edit::begin)
            .thenComparing(e -> !e.isInsertion())
            .thenComparing(Comparator.comparingInt(Edit::end).reversed());

    private final String sql;
    private final List<Edit> edits;
    private final int[] placeholders;
    private final int[] newIndex;
    private final StringBuilder out;
    private int emitted;

    TextComposer(String sql, List<Edit> rawEdits, int[] placeholders) {
        this.sql = sql;
        this.edits = normalize(rawEdits);
        this.placeholders = placeholders;
        this.newIndex = new int[placeholders.length];
        this.out = new StringBuilder(sql.length() + 64);
    }

    /**
     * Sorted, with edits inside a larger one dropped (a removed VALUES item takes its rewritten column
     * references with it); partial overlaps cannot be spliced safely.
     */
    private static List<Edit> normalize(List<Edit> raw) {
        List<Edit> sorted = new ArrayList<>(raw);
        sorted.sort(ORDER);
        List<Edit> result = new ArrayList<>(sorted.size());
        int lastEnd = -1;
        for (Edit e : sorted) {
            if (e.begin() >= lastEnd) {
                result.add(e);
                lastEnd = e.end();
            } else if (e.end() <= lastEnd) {
                continue;
            } else {
                throw Abandon.unsupported("overlapping edits at " + e.begin());
            }
        }
        return result;
    }

    boolean hasEdits() {
        return !edits.isEmpty();
    }

    TextComposer literal(String text) {
        out.append(text);
        return this;
    }

    /** Copies {@code [from, to)} of the original with every edit inside it applied. */
    TextComposer range(int from, int to) {
        int pos = from;
        for (Edit e : edits) {
            boolean before = e.isInsertion() ? e.begin() < from : e.end() <= from;
            boolean after = e.isInsertion() ? e.begin() > to : e.begin() >= to;
            if (before) {
                continue;
            }
            if (after) {
                break;
            }
            if (e.begin() < from || e.end() > to) {
                throw Abandon.unsupported("edit crosses a copied range");
            }
            copy(pos, e.begin());
            out.append(e.text());
            pos = e.end();
        }
        copy(pos, to);
        return this;
    }

    private void copy(int from, int to) {
        if (from >= to) {
            return;
        }
        for (int i = 0; i < placeholders.length; i++) {
            int p = placeholders[i];
            if (p >= from && p < to) {
                newIndex[i] = ++emitted;
            }
        }
        out.append(sql, from, to);
    }

    String text() {
        return out.toString();
    }

    /** Application index → new index (or {@link Rewrite#DROPPED}); null when every index is unchanged. */
    int[] parameterMap() {
        boolean identity = true;
        for (int i = 0; i < newIndex.length; i++) {
            if (newIndex[i] != i + 1) {
                identity = false;
                break;
            }
        }
        return identity ? null : newIndex.clone();
    }
}
