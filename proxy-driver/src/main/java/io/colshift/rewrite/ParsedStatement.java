package io.colshift.rewrite;

import net.sf.jsqlparser.parser.Node;
import net.sf.jsqlparser.statement.Statement;

/**
 * One parsed statement: the object model (what the SQL means), the parse tree (where each part sits in
 * the text) and the tokens. Lives only while one statement is rewritten; never cached.
 */
record ParsedStatement(String sql, Statement statement, Node root, TokenIndex tokens) {
}
