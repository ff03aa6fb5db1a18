package io.colshift.rewrite;

import net.sf.jsqlparser.parser.Node;
import net.sf.jsqlparser.parser.Token;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The statement's tokens with their character offsets, in order. JSQLParser tokens carry
 * {@code absoluteBegin}/{@code absoluteEnd}, one-based; here every offset is a zero-based index into the
 * SQL string, end exclusive, so spans can be spliced into the original text.
 */
final class TokenIndex {

    private final int[] begin;
    private final int[] end;
    private final int[] kind;
    private final String[] image;
    private final int size;

    private TokenIndex(int[] begin, int[] end, int[] kind, String[] image, int size) {
        this.begin = begin;
        this.end = end;
        this.kind = kind;
        this.image = image;
        this.size = size;
    }

    static TokenIndex of(Token first) {
        List<Token> tokens = new ArrayList<>();
        for (Token t = first; t != null && t.kind != 0; t = t.next) {
            tokens.add(t);
        }
        int n = tokens.size();
        int[] b = new int[n];
        int[] e = new int[n];
        int[] k = new int[n];
        String[] img = new String[n];
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            b[i] = t.absoluteBegin - 1;
            e[i] = t.absoluteEnd - 1;
            k[i] = t.kind;
            img[i] = t.image;
        }
        return new TokenIndex(b, e, k, img, n);
    }

    int size() {
        return size;
    }

    int begin(int i) {
        return begin[i];
    }

    int end(int i) {
        return end[i];
    }

    int kind(int i) {
        return kind[i];
    }

    String image(int i) {
        return image[i];
    }

    boolean isOpen(int i) {
        return "(".equals(image[i]) || "[".equals(image[i]);
    }

    boolean isClose(int i) {
        return ")".equals(image[i]) || "]".equals(image[i]);
    }

    boolean isComma(int i) {
        return ",".equals(image[i]);
    }

    /** Whether token {@code i} is the keyword {@code word}, in any case. */
    boolean isWord(int i, String word) {
        return image[i].equalsIgnoreCase(word);
    }

    /** Index of the token starting at {@code offset}, or -1. */
    int at(int offset) {
        int i = Arrays.binarySearch(begin, 0, size, offset);
        return i >= 0 ? i : -1;
    }

    /** Index of the first token starting at or after {@code offset}. */
    int atOrAfter(int offset) {
        int i = Arrays.binarySearch(begin, 0, size, offset);
        return i >= 0 ? i : -i - 1;
    }

    /** Index of the last token ending at or before {@code offset}, or -1. */
    int endingAtOrBefore(int offset) {
        int i = atOrAfter(offset) - 1;
        while (i >= 0 && end[i] > offset) {
            i--;
        }
        return i;
    }

    /** Index of the bracket closing the one at {@code open}, or -1. */
    int matching(int open) {
        int depth = 0;
        for (int i = open; i < size; i++) {
            if (isOpen(i)) {
                depth++;
            } else if (isClose(i) && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * First token at bracket depth 0 in {@code [from, to)} that is one of {@code words}, or -1.
     */
    int findWord(int from, int to, String... words) {
        int depth = 0;
        for (int i = from; i < to; i++) {
            if (isOpen(i)) {
                depth++;
            } else if (isClose(i)) {
                depth--;
            } else if (depth == 0) {
                for (String w : words) {
                    if (isWord(i, w)) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    /**
     * Splits tokens {@code [from, to)} at commas of bracket depth 0; each element is {firstToken, lastToken}.
     */
    List<int[]> splitTopLevel(int from, int to) {
        List<int[]> items = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            if (isOpen(i)) {
                depth++;
            } else if (isClose(i)) {
                depth--;
            } else if (depth == 0 && isComma(i)) {
                items.add(new int[] {start, i - 1});
                start = i + 1;
            }
        }
        if (start < to) {
            items.add(new int[] {start, to - 1});
        }
        return items;
    }

    /** Zero-based character offsets of the JDBC placeholders, in the order the driver numbers them. */
    int[] placeholderOffsets() {
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (isPlaceholder(i)) {
                count++;
            }
        }
        int[] offsets = new int[count];
        int j = 0;
        for (int i = 0; i < size; i++) {
            if (isPlaceholder(i)) {
                offsets[j++] = begin[i];
            }
        }
        return offsets;
    }

    /** True when a placeholder carries its own number ({@code ?1}): such statements are not renumbered. */
    boolean hasNumberedPlaceholders() {
        for (int i = 0; i < size; i++) {
            if (image[i].length() > 1 && image[i].charAt(0) == '?' && Character.isDigit(image[i].charAt(1))) {
                return true;
            }
        }
        return false;
    }

    private boolean isPlaceholder(int i) {
        String s = image[i];
        return !s.isEmpty() && s.charAt(0) == '?' && (s.length() == 1 || Character.isDigit(s.charAt(1)));
    }

    /** Character span of a parse-tree node, {begin, end}, or null when the node has no tokens. */
    static int[] span(Node node) {
        if (node == null || node.jjtGetFirstToken() == null || node.jjtGetLastToken() == null) {
            return null;
        }
        return new int[] {node.jjtGetFirstToken().absoluteBegin - 1, node.jjtGetLastToken().absoluteEnd - 1};
    }
}
