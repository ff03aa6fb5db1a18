package io.colshift.rewrite;

import io.colshift.rewrite.SqlLexer.Kind;
import io.colshift.rewrite.SqlLexer.Token;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the rewriter's lexer ends a literal or a quoted name: nothing inside one may count as a name. */
class SqlLexerTest {

    @Test
    void doubledQuotesStayInsideLiteralsAndQuotedNames() {
        String sql = "SELECT 'it''s status', \"a\"\"b\" FROM users";
        List<Token> t = SqlLexer.tokens(sql);
        assertThat(t).extracting(Token::kind).containsExactly(
                Kind.WORD, Kind.STRING, Kind.PUNCT, Kind.QUOTED, Kind.WORD, Kind.WORD);
        assertThat(sql.substring(t.get(1).begin(), t.get(1).end())).isEqualTo("'it''s status'");
        assertThat(t.get(3).name()).isEqualTo("a\"b");
    }

    @Test
    void backslashEscapesAQuoteOnlyInAnEscapeString() {
        List<Token> e = SqlLexer.tokens("SELECT E'a\\' status', x");
        assertThat(e).extracting(Token::kind).containsExactly(Kind.WORD, Kind.STRING, Kind.PUNCT, Kind.WORD);
        List<Token> plain = SqlLexer.tokens("SELECT 'a\\', status");
        assertThat(plain).extracting(Token::kind).containsExactly(Kind.WORD, Kind.STRING, Kind.PUNCT, Kind.WORD);
        assertThat(plain.get(3).name()).isEqualTo("status");
    }

    @Test
    void dollarQuotedBodyIsOneLiteralButAPositionalParameterIsNot() {
        List<Token> t = SqlLexer.tokens("SELECT $body$ status $x$ $body$, $1");
        assertThat(t).extracting(Token::kind).containsExactly(
                Kind.WORD, Kind.STRING, Kind.PUNCT, Kind.PUNCT, Kind.NUMBER);
    }

    @Test
    void unterminatedQuoteRunsToTheEnd() {
        String sql = "SELECT \"status FROM users";
        List<Token> t = SqlLexer.tokens(sql);
        assertThat(t).hasSize(2);
        assertThat(t.get(1).end()).isEqualTo(sql.length());
    }

    @Test
    void aLineCommentEndsAtACarriageReturnToo() {
        List<Token> t = SqlLexer.tokens("SELECT 1 -- note\rFROM users");
        assertThat(t).extracting(Token::name).containsExactly("select", null, "from", "users");
    }
}
