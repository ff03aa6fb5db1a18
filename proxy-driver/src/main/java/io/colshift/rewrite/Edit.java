package io.colshift.rewrite;

/** Replace characters {@code [begin, end)} of the original text with {@code text}; an insertion when begin == end. */
record Edit(int begin, int end, String text) {

    boolean isInsertion() {
        return begin == end;
    }
}
