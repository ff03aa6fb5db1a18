package io.colshift.rewrite;

import io.colshift.state.Phase;
import org.junit.jupiter.api.Test;

class ScratchPrintTest {
    @Test
    void print() {
        try (RewriteEngine e = Rewrites.engine(100)) {
            String[] sqls = {
                "SELECT * FROM users ORDER BY id USING <",
                "SELECT status FROM users ORDER BY name USING ~<~, id",
                "SELECT sum(id) OVER w FROM users WINDOW w AS (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)",
                "SELECT status, rank() OVER w FROM users WINDOW w AS (PARTITION BY name ORDER BY id)",
                "SELECT * FROM (VALUES (1,'a'),(2,'b')) AS v(id, label) JOIN users u ON u.id = v.id",
                "SELECT u.status, v.label FROM users u JOIN (VALUES (1,'a')) v(id, label) ON u.id = v.id",
                "SELECT true AS true FROM users",
                "SELECT FROM users",
                "VALUES (1) UNION ALL TABLE users",
                "SELECT * INTO t FROM users",
                "SELECT status INTO TEMP t FROM users",
                "SELECT status FROM users FOR UPDATE SKIP LOCKED",
                "SELECT status FROM users FETCH FIRST 3 ROWS WITH TIES",
                "SELECT status FROM users, LATERAL (SELECT 1) x",
                "SELECT status FROM users WHERE name ~* 'x' AND id IS DISTINCT FROM 3",
                "SELECT status FROM users TABLESAMPLE SYSTEM (10)",
                "SELECT status FROM ONLY users",
                "SELECT status::varchar(10) FROM users",
                "SELECT status FROM users u(a, b)",
                "SELECT array_agg(status ORDER BY id) FILTER (WHERE id > 1) FROM users",
                "SELECT status FROM users GROUP BY GROUPING SETS ((status), ())",
                "SELECT status COLLATE \"C\" FROM users",
                "SELECT x.status FROM users x WHERE x.status = ANY(ARRAY['a'])",
                "SELECT * FROM users NATURAL JOIN tags",
                "SELECT status FROM users WHERE id IN (SELECT id FROM users) FOR NO KEY UPDATE OF users NOWAIT",
            };
            for (Phase p : new Phase[] {Phase.DECLARED, Phase.EXPANDED}) {
                for (String s : sqls) {
                    Rewrite r = e.rewrite(s, Snapshots.phase(p));
                    System.out.println(p + " | " + s + "\n   -> " + r + " map=" + java.util.Arrays.toString(Rewrites.map(r, 1)));
                }
            }
        }
    }
}
