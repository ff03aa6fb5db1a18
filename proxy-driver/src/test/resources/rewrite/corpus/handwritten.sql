# Hand-written SQL: CTEs, window functions, jsonb, :: casts, ANY(?), DISTINCT ON, LATERAL, set operations.

=== cte simple
WITH s AS (SELECT id, status FROM users WHERE deleted_at IS NULL) SELECT id, status FROM s WHERE status = ? ORDER BY id
--- params: 'active'
--- declared
WITH s AS (SELECT id, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users WHERE deleted_at IS NULL) SELECT id, status FROM s WHERE status = ? ORDER BY id
--- expanded
WITH s AS (SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE deleted_at IS NULL) SELECT id, status FROM s WHERE status = ? ORDER BY id
--- backfilling
WITH s AS (SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE deleted_at IS NULL) SELECT id, status FROM s WHERE status = ? ORDER BY id

=== cte aggregate
WITH counts AS (SELECT status, count(*) AS n FROM users GROUP BY status) SELECT status, n FROM counts ORDER BY n DESC, status
--- declared
WITH counts AS (SELECT CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status, count(*) AS n FROM users GROUP BY CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)) SELECT status, n FROM counts ORDER BY n DESC, status
--- expanded
WITH counts AS (SELECT COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, count(*) AS n FROM users GROUP BY COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) SELECT status, n FROM counts ORDER BY n DESC, status
--- backfilling
WITH counts AS (SELECT COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, count(*) AS n FROM users GROUP BY COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) SELECT status, n FROM counts ORDER BY n DESC, status

=== cte star handed on
WITH a AS (SELECT * FROM users WHERE deleted_at IS NULL) SELECT a.id, a.status FROM a WHERE a.status <> ? ORDER BY a.id
--- params: 'vip'
--- declared
WITH a AS (SELECT users.id, users.name, users.email, users.deleted_at, users.balance, users.profile, users.created_at, users.version, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users WHERE deleted_at IS NULL) SELECT a.id, a.status FROM a WHERE a.status <> ? ORDER BY a.id
--- expanded
WITH a AS (SELECT users.id, users.name, users.email, users.deleted_at, users.balance, users.profile, users.created_at, users.version, COALESCE(users.status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE deleted_at IS NULL) SELECT a.id, a.status FROM a WHERE a.status <> ? ORDER BY a.id
--- backfilling
WITH a AS (SELECT users.id, users.name, users.email, users.deleted_at, users.balance, users.profile, users.created_at, users.version, COALESCE(users.status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE deleted_at IS NULL) SELECT a.id, a.status FROM a WHERE a.status <> ? ORDER BY a.id

=== cte two levels
WITH a AS (SELECT id, status FROM users), b AS (SELECT status, count(*) c FROM a GROUP BY status) SELECT * FROM b ORDER BY status
--- declared
WITH a AS (SELECT id, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users), b AS (SELECT status, count(*) c FROM a GROUP BY status) SELECT * FROM b ORDER BY status
--- expanded
WITH a AS (SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users), b AS (SELECT status, count(*) c FROM a GROUP BY status) SELECT * FROM b ORDER BY status
--- backfilling
WITH a AS (SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users), b AS (SELECT status, count(*) c FROM a GROUP BY status) SELECT * FROM b ORDER BY status

=== cte with column list
WITH a (uid, st) AS (SELECT id, status FROM users) SELECT uid FROM a WHERE st = ? ORDER BY uid
--- params: 'gone'
--- declared
WITH a (uid, st) AS (SELECT id, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users) SELECT uid FROM a WHERE st = ? ORDER BY uid
--- expanded
WITH a (uid, st) AS (SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users) SELECT uid FROM a WHERE st = ? ORDER BY uid
--- backfilling
WITH a (uid, st) AS (SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users) SELECT uid FROM a WHERE st = ? ORDER BY uid

=== cte joined back to users
WITH o AS (SELECT user_id, sum(total) AS spent FROM orders GROUP BY user_id) SELECT u.id, u.status, o.spent FROM users u JOIN o ON o.user_id = u.id ORDER BY u.id
--- declared
WITH o AS (SELECT user_id, sum(total) AS spent FROM orders GROUP BY user_id) SELECT u.id, CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status, o.spent FROM users u JOIN o ON o.user_id = u.id ORDER BY u.id
--- expanded
WITH o AS (SELECT user_id, sum(total) AS spent FROM orders GROUP BY user_id) SELECT u.id, COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, o.spent FROM users u JOIN o ON o.user_id = u.id ORDER BY u.id
--- backfilling
WITH o AS (SELECT user_id, sum(total) AS spent FROM orders GROUP BY user_id) SELECT u.id, COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, o.spent FROM users u JOIN o ON o.user_id = u.id ORDER BY u.id

=== recursive cte
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT u.id, u.status FROM users u JOIN r ON r.n = u.id ORDER BY u.id
--- declared
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT u.id, CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users u JOIN r ON r.n = u.id ORDER BY u.id
--- expanded
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT u.id, COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users u JOIN r ON r.n = u.id ORDER BY u.id
--- backfilling
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT u.id, COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users u JOIN r ON r.n = u.id ORDER BY u.id

=== cte materialized
WITH m AS MATERIALIZED (SELECT id, status FROM users) SELECT count(*) FROM m WHERE status = ?
--- params: 'active'
--- declared
WITH m AS MATERIALIZED (SELECT id, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users) SELECT count(*) FROM m WHERE status = ?
--- expanded
WITH m AS MATERIALIZED (SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users) SELECT count(*) FROM m WHERE status = ?
--- backfilling
WITH m AS MATERIALIZED (SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users) SELECT count(*) FROM m WHERE status = ?

=== window row number by status
SELECT id, status, row_number() OVER (PARTITION BY status ORDER BY balance DESC, id) AS rn FROM users ORDER BY id
--- declared
SELECT id, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status, row_number() OVER (PARTITION BY CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) ORDER BY balance DESC, id) AS rn FROM users ORDER BY id
--- expanded
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, row_number() OVER (PARTITION BY COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) ORDER BY balance DESC, id) AS rn FROM users ORDER BY id
--- backfilling
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, row_number() OVER (PARTITION BY COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) ORDER BY balance DESC, id) AS rn FROM users ORDER BY id

=== window named
SELECT id, sum(balance) OVER w AS running FROM users WINDOW w AS (PARTITION BY status ORDER BY id) ORDER BY id
--- declared
SELECT id, sum(balance) OVER w AS running FROM users WINDOW w AS (PARTITION BY CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) ORDER BY id) ORDER BY id
--- expanded
SELECT id, sum(balance) OVER w AS running FROM users WINDOW w AS (PARTITION BY COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) ORDER BY id) ORDER BY id
--- backfilling
SELECT id, sum(balance) OVER w AS running FROM users WINDOW w AS (PARTITION BY COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) ORDER BY id) ORDER BY id

=== window lag over status
SELECT id, lag(status) OVER (ORDER BY id) AS prev_status FROM users ORDER BY id
--- declared
SELECT id, lag(CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)) OVER (ORDER BY id) AS prev_status FROM users ORDER BY id
--- expanded
SELECT id, lag(COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) OVER (ORDER BY id) AS prev_status FROM users ORDER BY id
--- backfilling
SELECT id, lag(COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) OVER (ORDER BY id) AS prev_status FROM users ORDER BY id

=== distinct on status
SELECT DISTINCT ON (status) status, id, balance FROM users ORDER BY status, balance DESC, id
--- declared
SELECT DISTINCT ON (CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)) CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status, id, balance FROM users ORDER BY status, balance DESC, id
--- expanded
SELECT DISTINCT ON (COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, id, balance FROM users ORDER BY status, balance DESC, id
--- backfilling
SELECT DISTINCT ON (COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, id, balance FROM users ORDER BY status, balance DESC, id

=== distinct on status aliased
SELECT DISTINCT ON (u.status) u.id, u.status FROM users u ORDER BY u.status, u.id
--- declared
SELECT DISTINCT ON (CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)) u.id, CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users u ORDER BY CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text), u.id
--- expanded
SELECT DISTINCT ON (COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) u.id, COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users u ORDER BY COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END), u.id
--- backfilling
SELECT DISTINCT ON (COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) u.id, COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users u ORDER BY COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END), u.id

=== jsonb arrow and status
SELECT id, profile->>'plan' AS plan, status FROM users WHERE profile->>'plan' = ? ORDER BY id
--- params: 'pro'
--- declared
SELECT id, profile->>'plan' AS plan, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users WHERE profile->>'plan' = ? ORDER BY id
--- expanded
SELECT id, profile->>'plan' AS plan, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE profile->>'plan' = ? ORDER BY id
--- backfilling
SELECT id, profile->>'plan' AS plan, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE profile->>'plan' = ? ORDER BY id

=== jsonb contains and status
SELECT id FROM users WHERE profile @> '{"plan":"free"}'::jsonb AND status = ? ORDER BY id
--- params: 'active'
--- declared
SELECT id FROM users WHERE profile @> '{"plan":"free"}'::jsonb AND CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ? ORDER BY id
--- expanded
SELECT id FROM users WHERE profile @> '{"plan":"free"}'::jsonb AND COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? ORDER BY id
--- backfilling
SELECT id FROM users WHERE profile @> '{"plan":"free"}'::jsonb AND COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? ORDER BY id

=== jsonb path and status
SELECT id, profile #>> '{age}' AS age FROM users WHERE status IS NOT NULL AND (profile->>'age')::int > ? ORDER BY id
--- params: 10
--- declared
SELECT id, profile #>> '{age}' AS age FROM users WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) IS NOT NULL AND (profile->>'age')::int > ? ORDER BY id
--- expanded
SELECT id, profile #>> '{age}' AS age FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) IS NOT NULL AND (profile->>'age')::int > ? ORDER BY id
--- backfilling
SELECT id, profile #>> '{age}' AS age FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) IS NOT NULL AND (profile->>'age')::int > ? ORDER BY id

=== jsonb build with status
SELECT jsonb_build_object('id', id, 'status', status) AS doc FROM users WHERE id = ?
--- params: 2
--- declared
SELECT jsonb_build_object('id', id, 'status', CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)) AS doc FROM users WHERE id = ?
--- expanded
SELECT jsonb_build_object('id', id, 'status', COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) AS doc FROM users WHERE id = ?
--- backfilling
SELECT jsonb_build_object('id', id, 'status', COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) AS doc FROM users WHERE id = ?

=== jsonb agg of status
SELECT jsonb_agg(status ORDER BY id) FROM users WHERE id < ?
--- params: 5
--- declared
SELECT jsonb_agg(CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) ORDER BY id) FROM users WHERE id < ?
--- expanded
SELECT jsonb_agg(COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) ORDER BY id) FROM users WHERE id < ?
--- backfilling
SELECT jsonb_agg(COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) ORDER BY id) FROM users WHERE id < ?

=== double colon cast status
SELECT id, status::varchar(20) AS s FROM users ORDER BY id
--- declared
SELECT id, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)::varchar(20) AS s FROM users ORDER BY id
--- expanded
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)::varchar(20) AS s FROM users ORDER BY id
--- backfilling
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)::varchar(20) AS s FROM users ORDER BY id

=== cast status to char
SELECT id FROM users WHERE status::char(3) = 'act' ORDER BY id
--- declared
SELECT id FROM users WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)::char(3) = 'act' ORDER BY id
--- expanded
SELECT id FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)::char(3) = 'act' ORDER BY id
--- backfilling
SELECT id FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)::char(3) = 'act' ORDER BY id

=== any array param
SELECT id, status FROM users WHERE status = ANY(?) ORDER BY id
--- params: {'active','gone'}
--- declared
SELECT id, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ANY(?) ORDER BY id
--- expanded
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ANY(?) ORDER BY id
--- backfilling
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ANY(?) ORDER BY id

=== any id array param
SELECT id, status FROM users WHERE id = ANY(?) ORDER BY id
--- params: {1,2,3}
--- declared
SELECT id, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users WHERE id = ANY(?) ORDER BY id
--- expanded
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE id = ANY(?) ORDER BY id
--- backfilling
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE id = ANY(?) ORDER BY id

=== all array param
SELECT id FROM users WHERE status <> ALL(?) ORDER BY id
--- params: {'vip'}
--- declared
SELECT id FROM users WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) <> ALL(?) ORDER BY id
--- expanded
SELECT id FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) <> ALL(?) ORDER BY id
--- backfilling
SELECT id FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) <> ALL(?) ORDER BY id

=== any cast array
SELECT id FROM users WHERE status = ANY(?::text[]) ORDER BY id
--- params: {'vip','gone'}
--- declared
SELECT id FROM users WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ANY(?::text[]) ORDER BY id
--- expanded
SELECT id FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ANY(?::text[]) ORDER BY id
--- backfilling
SELECT id FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ANY(?::text[]) ORDER BY id

=== lateral latest order
SELECT u.id, u.status, lo.total FROM users u LEFT JOIN LATERAL (SELECT o.total FROM orders o WHERE o.user_id = u.id ORDER BY o.id DESC LIMIT 1) lo ON true ORDER BY u.id
--- declared
SELECT u.id, CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status, lo.total FROM users u LEFT JOIN LATERAL (SELECT o.total FROM orders o WHERE o.user_id = u.id ORDER BY o.id DESC LIMIT 1) lo ON true ORDER BY u.id
--- expanded
SELECT u.id, COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, lo.total FROM users u LEFT JOIN LATERAL (SELECT o.total FROM orders o WHERE o.user_id = u.id ORDER BY o.id DESC LIMIT 1) lo ON true ORDER BY u.id
--- backfilling
SELECT u.id, COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, lo.total FROM users u LEFT JOIN LATERAL (SELECT o.total FROM orders o WHERE o.user_id = u.id ORDER BY o.id DESC LIMIT 1) lo ON true ORDER BY u.id

=== union all statuses
SELECT status FROM users WHERE id < 5 UNION ALL SELECT status FROM orders WHERE id < 5 ORDER BY status
--- declared
SELECT CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users WHERE id < 5 UNION ALL SELECT status FROM orders WHERE id < 5 ORDER BY status
--- expanded
SELECT COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE id < 5 UNION ALL SELECT status FROM orders WHERE id < 5 ORDER BY status
--- backfilling
SELECT COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE id < 5 UNION ALL SELECT status FROM orders WHERE id < 5 ORDER BY status

=== union with labels
SELECT id, status, 'user' AS kind FROM users UNION ALL SELECT id, status, 'order' FROM orders ORDER BY kind, id
--- declared
SELECT id, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status, 'user' AS kind FROM users UNION ALL SELECT id, status, 'order' FROM orders ORDER BY kind, id
--- expanded
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, 'user' AS kind FROM users UNION ALL SELECT id, status, 'order' FROM orders ORDER BY kind, id
--- backfilling
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, 'user' AS kind FROM users UNION ALL SELECT id, status, 'order' FROM orders ORDER BY kind, id

=== except statuses
SELECT status FROM users EXCEPT SELECT status FROM orders ORDER BY 1
--- declared
SELECT CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users EXCEPT SELECT status FROM orders ORDER BY 1
--- expanded
SELECT COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users EXCEPT SELECT status FROM orders ORDER BY 1
--- backfilling
SELECT COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users EXCEPT SELECT status FROM orders ORDER BY 1

=== intersect ids
SELECT user_id FROM orders INTERSECT SELECT id FROM users WHERE status = ? ORDER BY 1
--- params: 'active'
--- declared
SELECT user_id FROM orders INTERSECT SELECT id FROM users WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ? ORDER BY 1
--- expanded
SELECT user_id FROM orders INTERSECT SELECT id FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? ORDER BY 1
--- backfilling
SELECT user_id FROM orders INTERSECT SELECT id FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? ORDER BY 1

=== subquery in from
SELECT s.status, s.n FROM (SELECT status, count(*) AS n FROM users GROUP BY status) s ORDER BY s.status
--- declared
SELECT s.status, s.n FROM (SELECT CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status, count(*) AS n FROM users GROUP BY CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)) s ORDER BY s.status
--- expanded
SELECT s.status, s.n FROM (SELECT COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, count(*) AS n FROM users GROUP BY COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) s ORDER BY s.status
--- backfilling
SELECT s.status, s.n FROM (SELECT COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, count(*) AS n FROM users GROUP BY COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) s ORDER BY s.status

=== subquery star in from
SELECT d.id, d.status FROM (SELECT * FROM users WHERE balance > ?) d ORDER BY d.id
--- params: 50
--- declared
SELECT d.id, d.status FROM (SELECT users.id, users.name, users.email, users.deleted_at, users.balance, users.profile, users.created_at, users.version, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users WHERE balance > ?) d ORDER BY d.id
--- expanded
SELECT d.id, d.status FROM (SELECT users.id, users.name, users.email, users.deleted_at, users.balance, users.profile, users.created_at, users.version, COALESCE(users.status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE balance > ?) d ORDER BY d.id
--- backfilling
SELECT d.id, d.status FROM (SELECT users.id, users.name, users.email, users.deleted_at, users.balance, users.profile, users.created_at, users.version, COALESCE(users.status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE balance > ?) d ORDER BY d.id

=== correlated subquery count
SELECT u.id, (SELECT count(*) FROM orders o WHERE o.user_id = u.id AND o.status = u.status) AS same FROM users u ORDER BY u.id
--- declared
SELECT u.id, (SELECT count(*) FROM orders o WHERE o.user_id = u.id AND o.status = CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)) AS same FROM users u ORDER BY u.id
--- expanded
SELECT u.id, (SELECT count(*) FROM orders o WHERE o.user_id = u.id AND o.status = COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) AS same FROM users u ORDER BY u.id
--- backfilling
SELECT u.id, (SELECT count(*) FROM orders o WHERE o.user_id = u.id AND o.status = COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) AS same FROM users u ORDER BY u.id

=== exists correlated with status
SELECT id FROM users u WHERE EXISTS (SELECT 1 FROM tags t WHERE t.user_id = u.id AND t.label <> status) ORDER BY id
--- declared
SELECT id FROM users u WHERE EXISTS (SELECT 1 FROM tags t WHERE t.user_id = u.id AND t.label <> CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)) ORDER BY id
--- expanded
SELECT id FROM users u WHERE EXISTS (SELECT 1 FROM tags t WHERE t.user_id = u.id AND t.label <> COALESCE(status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) ORDER BY id
--- backfilling
SELECT id FROM users u WHERE EXISTS (SELECT 1 FROM tags t WHERE t.user_id = u.id AND t.label <> COALESCE(status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) ORDER BY id

=== in subquery status
SELECT id FROM orders WHERE user_id IN (SELECT id FROM users WHERE status IN ('gone', 'vip')) ORDER BY id
--- declared
SELECT id FROM orders WHERE user_id IN (SELECT id FROM users WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) IN ('gone', 'vip')) ORDER BY id
--- expanded
SELECT id FROM orders WHERE user_id IN (SELECT id FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) IN ('gone', 'vip')) ORDER BY id
--- backfilling
SELECT id FROM orders WHERE user_id IN (SELECT id FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) IN ('gone', 'vip')) ORDER BY id

=== case searched
SELECT id, CASE WHEN status = 'active' THEN 'ok' WHEN status IS NULL THEN '?' ELSE status END AS label FROM users ORDER BY id
--- declared
SELECT id, CASE WHEN CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = 'active' THEN 'ok' WHEN CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) IS NULL THEN '?' ELSE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) END AS label FROM users ORDER BY id
--- expanded
SELECT id, CASE WHEN COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = 'active' THEN 'ok' WHEN COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) IS NULL THEN '?' ELSE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) END AS label FROM users ORDER BY id
--- backfilling
SELECT id, CASE WHEN COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = 'active' THEN 'ok' WHEN COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) IS NULL THEN '?' ELSE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) END AS label FROM users ORDER BY id

=== coalesce nested
SELECT id, COALESCE(NULLIF(status, ''), 'none') AS s FROM users ORDER BY id
--- declared
SELECT id, COALESCE(NULLIF(CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text), ''), 'none') AS s FROM users ORDER BY id
--- expanded
SELECT id, COALESCE(NULLIF(COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END), ''), 'none') AS s FROM users ORDER BY id
--- backfilling
SELECT id, COALESCE(NULLIF(COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END), ''), 'none') AS s FROM users ORDER BY id

=== string functions
SELECT id, initcap(status), replace(status, 'a', 'A'), left(status, 2) FROM users ORDER BY id
--- declared
SELECT id, initcap(CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)), replace(CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text), 'a', 'A'), left(CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text), 2) FROM users ORDER BY id
--- expanded
SELECT id, initcap(COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)), replace(COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END), 'a', 'A'), left(COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END), 2) FROM users ORDER BY id
--- backfilling
SELECT id, initcap(COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)), replace(COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END), 'a', 'A'), left(COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END), 2) FROM users ORDER BY id

=== concat operator
SELECT name || ' (' || status || ')' AS display FROM users ORDER BY id
--- declared
SELECT name || ' (' || CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) || ')' AS display FROM users ORDER BY id
--- expanded
SELECT name || ' (' || COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) || ')' AS display FROM users ORDER BY id
--- backfilling
SELECT name || ' (' || COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) || ')' AS display FROM users ORDER BY id

=== format function
SELECT format('%s:%s', id, status) FROM users ORDER BY id
--- declared
SELECT format('%s:%s', id, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)) FROM users ORDER BY id
--- expanded
SELECT format('%s:%s', id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) FROM users ORDER BY id
--- backfilling
SELECT format('%s:%s', id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) FROM users ORDER BY id

=== group by rollup
SELECT status, count(*) FROM users GROUP BY ROLLUP (status) ORDER BY status NULLS LAST
--- declared
SELECT CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status, count(*) FROM users GROUP BY ROLLUP (CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)) ORDER BY status NULLS LAST
--- expanded
SELECT COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, count(*) FROM users GROUP BY ROLLUP (COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) ORDER BY status NULLS LAST
--- backfilling
SELECT COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, count(*) FROM users GROUP BY ROLLUP (COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) ORDER BY status NULLS LAST

=== having on status
SELECT status FROM users GROUP BY status HAVING status <> ? ORDER BY status
--- params: 'vip'
--- declared
SELECT CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users GROUP BY CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) HAVING CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) <> ? ORDER BY status
--- expanded
SELECT COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users GROUP BY COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) HAVING COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) <> ? ORDER BY status
--- backfilling
SELECT COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users GROUP BY COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) HAVING COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) <> ? ORDER BY status

=== order by ordinal
SELECT status, count(*) FROM users GROUP BY 1 ORDER BY 1
--- declared
SELECT CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status, count(*) FROM users GROUP BY 1 ORDER BY 1
--- expanded
SELECT COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, count(*) FROM users GROUP BY 1 ORDER BY 1
--- backfilling
SELECT COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, count(*) FROM users GROUP BY 1 ORDER BY 1

=== order by expression of status
SELECT id FROM users ORDER BY length(status), id
--- declared
SELECT id FROM users ORDER BY length(CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)), id
--- expanded
SELECT id FROM users ORDER BY length(COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)), id
--- backfilling
SELECT id FROM users ORDER BY length(COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)), id

=== filter clause
SELECT count(*) FILTER (WHERE status = 'active') AS active, count(*) FILTER (WHERE status = 'gone') AS gone FROM users
--- declared
SELECT count(*) FILTER (WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = 'active') AS active, count(*) FILTER (WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = 'gone') AS gone FROM users
--- expanded
SELECT count(*) FILTER (WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = 'active') AS active, count(*) FILTER (WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = 'gone') AS gone FROM users
--- backfilling
SELECT count(*) FILTER (WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = 'active') AS active, count(*) FILTER (WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = 'gone') AS gone FROM users

=== percentile
SELECT status, percentile_cont(0.5) WITHIN GROUP (ORDER BY balance) FROM users GROUP BY status ORDER BY status
--- declared
SELECT CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status, percentile_cont(0.5) WITHIN GROUP (ORDER BY balance) FROM users GROUP BY CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) ORDER BY status
--- expanded
SELECT COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, percentile_cont(0.5) WITHIN GROUP (ORDER BY balance) FROM users GROUP BY COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) ORDER BY status
--- backfilling
SELECT COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, percentile_cont(0.5) WITHIN GROUP (ORDER BY balance) FROM users GROUP BY COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) ORDER BY status

=== generate series join
SELECT g, u.status FROM generate_series(1, 3) g JOIN users u ON u.id = g ORDER BY g
--- declared
SELECT g, CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM generate_series(1, 3) g JOIN users u ON u.id = g ORDER BY g
--- expanded
SELECT g, COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM generate_series(1, 3) g JOIN users u ON u.id = g ORDER BY g
--- backfilling
SELECT g, COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM generate_series(1, 3) g JOIN users u ON u.id = g ORDER BY g

=== values join
SELECT v.k, u.status FROM (VALUES (1, 'a'), (2, 'b')) AS v(k, tag) JOIN users u ON u.id = v.k ORDER BY v.k
--- declared
SELECT v.k, CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM (VALUES (1, 'a'), (2, 'b')) AS v(k, tag) JOIN users u ON u.id = v.k ORDER BY v.k
--- expanded
SELECT v.k, COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM (VALUES (1, 'a'), (2, 'b')) AS v(k, tag) JOIN users u ON u.id = v.k ORDER BY v.k
--- backfilling
SELECT v.k, COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM (VALUES (1, 'a'), (2, 'b')) AS v(k, tag) JOIN users u ON u.id = v.k ORDER BY v.k

=== unnest param join
SELECT u.id, u.status FROM users u JOIN unnest(?::bigint[]) AS x(id) ON x.id = u.id ORDER BY u.id
--- params: {4,5,6}
--- declared
SELECT u.id, CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users u JOIN unnest(?::bigint[]) AS x(id) ON x.id = u.id ORDER BY u.id
--- expanded
SELECT u.id, COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users u JOIN unnest(?::bigint[]) AS x(id) ON x.id = u.id ORDER BY u.id
--- backfilling
SELECT u.id, COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users u JOIN unnest(?::bigint[]) AS x(id) ON x.id = u.id ORDER BY u.id

=== is distinct from
SELECT id FROM users WHERE status IS DISTINCT FROM 'active' ORDER BY id
--- declared
SELECT id FROM users WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) IS DISTINCT FROM 'active' ORDER BY id
--- expanded
SELECT id FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) IS DISTINCT FROM 'active' ORDER BY id
--- backfilling
SELECT id FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) IS DISTINCT FROM 'active' ORDER BY id

=== similar to
SELECT id FROM users WHERE status SIMILAR TO '(act|vi)%' ORDER BY id
--- declared
SELECT id FROM users WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) SIMILAR TO '(act|vi)%' ORDER BY id
--- expanded
SELECT id FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) SIMILAR TO '(act|vi)%' ORDER BY id
--- backfilling
SELECT id FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) SIMILAR TO '(act|vi)%' ORDER BY id

=== regex match
SELECT id FROM users WHERE status ~ '^a' ORDER BY id
--- declared
SELECT id FROM users WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) ~ '^a' ORDER BY id
--- expanded
SELECT id FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) ~ '^a' ORDER BY id
--- backfilling
SELECT id FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) ~ '^a' ORDER BY id

=== interval and status
SELECT id FROM users WHERE created_at > ?::timestamptz - interval '1 day' AND status <> 'x' ORDER BY id
--- params: '2020-01-02 00:00:00+00'
--- declared
SELECT id FROM users WHERE created_at > ?::timestamptz - interval '1 day' AND CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) <> 'x' ORDER BY id
--- expanded
SELECT id FROM users WHERE created_at > ?::timestamptz - interval '1 day' AND COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) <> 'x' ORDER BY id
--- backfilling
SELECT id FROM users WHERE created_at > ?::timestamptz - interval '1 day' AND COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) <> 'x' ORDER BY id

=== extract and status
SELECT extract(year FROM created_at) AS y, status FROM users WHERE id = ?
--- params: 1
--- declared
SELECT extract(year FROM created_at) AS y, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users WHERE id = ?
--- expanded
SELECT extract(year FROM created_at) AS y, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE id = ?
--- backfilling
SELECT extract(year FROM created_at) AS y, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE id = ?

=== array constructor
SELECT ARRAY[status, name] FROM users WHERE id = ?
--- params: 3
--- declared
SELECT ARRAY[CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text), name] FROM users WHERE id = ?
--- expanded
SELECT ARRAY[COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END), name] FROM users WHERE id = ?
--- backfilling
SELECT ARRAY[COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END), name] FROM users WHERE id = ?

=== array subquery
SELECT ARRAY(SELECT status FROM users WHERE id < 4 ORDER BY id)
--- declared
SELECT ARRAY(SELECT CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users WHERE id < 4 ORDER BY id)
--- expanded
SELECT ARRAY(SELECT COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE id < 4 ORDER BY id)
--- backfilling
SELECT ARRAY(SELECT COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE id < 4 ORDER BY id)

=== table alias same as column
SELECT status.id, status.status FROM users status WHERE status.id = ?
--- params: 4
--- declared
SELECT status.id, CAST(CASE WHEN status.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users status WHERE status.id = ?
--- expanded
SELECT status.id, COALESCE(status.status, CASE WHEN status.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users status WHERE status.id = ?
--- backfilling
SELECT status.id, COALESCE(status.status, CASE WHEN status.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users status WHERE status.id = ?

=== quoted mixed spacing
SELECT  u . status  FROM users AS u WHERE u.id = ?
--- params: 5
--- declared
SELECT  CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status  FROM users AS u WHERE u.id = ?
--- expanded
SELECT  COALESCE(u . status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status  FROM users AS u WHERE u.id = ?
--- backfilling
SELECT  COALESCE(u . status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status  FROM users AS u WHERE u.id = ?

=== multi line comment inside
SELECT id, /* new
   column */ status FROM users WHERE id = ?
--- params: 6
--- declared
SELECT id, /* new
   column */ CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users WHERE id = ?
--- expanded
SELECT id, /* new
   column */ COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE id = ?
--- backfilling
SELECT id, /* new
   column */ COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE id = ?

=== upper case keywords and names
SELECT ID, STATUS FROM USERS WHERE ID = ?
--- params: 7
--- declared
SELECT ID, CAST(CASE WHEN USERS.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS STATUS FROM USERS WHERE ID = ?
--- expanded
SELECT ID, COALESCE(STATUS, CASE WHEN USERS.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS STATUS FROM USERS WHERE ID = ?
--- backfilling
SELECT ID, COALESCE(STATUS, CASE WHEN USERS.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS STATUS FROM USERS WHERE ID = ?

=== status compared to order status
SELECT u.id FROM users u WHERE u.status = (SELECT o.status FROM orders o WHERE o.id = ?) ORDER BY u.id
--- params: 1
--- declared
SELECT u.id FROM users u WHERE CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = (SELECT o.status FROM orders o WHERE o.id = ?) ORDER BY u.id
--- expanded
SELECT u.id FROM users u WHERE COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = (SELECT o.status FROM orders o WHERE o.id = ?) ORDER BY u.id
--- backfilling
SELECT u.id FROM users u WHERE COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = (SELECT o.status FROM orders o WHERE o.id = ?) ORDER BY u.id

=== count star over
SELECT count(*) OVER (PARTITION BY status) AS c, id FROM users ORDER BY id
--- declared
SELECT count(*) OVER (PARTITION BY CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)) AS c, id FROM users ORDER BY id
--- expanded
SELECT count(*) OVER (PARTITION BY COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) AS c, id FROM users ORDER BY id
--- backfilling
SELECT count(*) OVER (PARTITION BY COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) AS c, id FROM users ORDER BY id

=== not in subquery
SELECT id FROM users WHERE status NOT IN (SELECT status FROM orders) ORDER BY id
--- declared
SELECT id FROM users WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) NOT IN (SELECT status FROM orders) ORDER BY id
--- expanded
SELECT id FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) NOT IN (SELECT status FROM orders) ORDER BY id
--- backfilling
SELECT id FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) NOT IN (SELECT status FROM orders) ORDER BY id

=== lateral reads status of the table before it
SELECT u.id, x.n FROM users u CROSS JOIN LATERAL (SELECT count(*) AS n FROM orders o WHERE o.user_id = u.id AND o.status = u.status) x ORDER BY u.id
--- declared
SELECT u.id, x.n FROM users u CROSS JOIN LATERAL (SELECT count(*) AS n FROM orders o WHERE o.user_id = u.id AND o.status = CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)) x ORDER BY u.id
--- expanded
SELECT u.id, x.n FROM users u CROSS JOIN LATERAL (SELECT count(*) AS n FROM orders o WHERE o.user_id = u.id AND o.status = COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) x ORDER BY u.id
--- backfilling
SELECT u.id, x.n FROM users u CROSS JOIN LATERAL (SELECT count(*) AS n FROM orders o WHERE o.user_id = u.id AND o.status = COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) x ORDER BY u.id

=== lateral unqualified status of the table before it
SELECT u.id, x.n FROM users u, LATERAL (SELECT count(*) AS n FROM tags t WHERE t.user_id = u.id AND t.label = status) x ORDER BY u.id
--- declared
SELECT u.id, x.n FROM users u, LATERAL (SELECT count(*) AS n FROM tags t WHERE t.user_id = u.id AND t.label = CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)) x ORDER BY u.id
--- expanded
SELECT u.id, x.n FROM users u, LATERAL (SELECT count(*) AS n FROM tags t WHERE t.user_id = u.id AND t.label = COALESCE(status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) x ORDER BY u.id
--- backfilling
SELECT u.id, x.n FROM users u, LATERAL (SELECT count(*) AS n FROM tags t WHERE t.user_id = u.id AND t.label = COALESCE(status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) x ORDER BY u.id

