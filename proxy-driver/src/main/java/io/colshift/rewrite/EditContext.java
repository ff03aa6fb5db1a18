package io.colshift.rewrite;

import net.sf.jsqlparser.parser.ASTNodeAccess;
import net.sf.jsqlparser.parser.Node;
import net.sf.jsqlparser.schema.Column;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the parts of one statement's rewrite share: the parsed statement, the snapshot's index, the edits
 * collected so far, where each parsed element sits, and the column references that are not reads.
 *
 * @param nodeOf   parse-tree node of each object-model element (outermost first)
 * @param notReads column references that name a column being written or joined on, never a value read
 */
record EditContext(ParsedStatement parsed, MigrationIndex index, List<Edit> edits, Map<Object, Node> nodeOf,
                   Set<Column> notReads) {

    EditContext(ParsedStatement parsed, MigrationIndex index) {
        this(parsed, index, new ArrayList<>(), new IdentityHashMap<>(), Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    String sql() {
        return parsed.sql();
    }

    TokenIndex tokens() {
        return parsed.tokens();
    }

    /** Character span {begin, end} of a parsed element, or null when the parse did not place it. */
    int[] spanOf(Object element) {
        Node node = null;
        if (element instanceof ASTNodeAccess access) {
            node = access.getASTNode();
        }
        if (node == null) {
            node = nodeOf.get(element);
        }
        return TokenIndex.span(node);
    }

    String text(int[] span) {
        return parsed.sql().substring(span[0], span[1]);
    }

    TextComposer composer() {
        return new TextComposer(parsed.sql(), edits, parsed.tokens().placeholderOffsets());
    }

    /** Index one past the last token that belongs to the statement (a trailing semicolon does not). */
    int statementEndToken() {
        TokenIndex tokens = parsed.tokens();
        int end = tokens.size();
        while (end > 0 && ";".equals(tokens.image(end - 1))) {
            end--;
        }
        return end;
    }

    static int orEnd(int tok, int end) {
        return tok < 0 ? end : tok;
    }

    /** A column name as a label: plain when it can be, quoted otherwise. */
    static String label(String column) {
        return column.matches("[a-z_][a-z0-9_$]*") ? column : "\"" + column.replace("\"", "\"\"") + "\"";
    }
}
