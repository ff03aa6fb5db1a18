# Writes in every form PostgreSQL offers: INSERT VALUES/SELECT, ON CONFLICT, RETURNING, UPDATE … FROM, DELETE … USING.

=== insert single row status middle
INSERT INTO users (id, status, name, email) VALUES (?, ?, ?, ?)
--- params: 1100, 'vip', 'w', 'w100@example.com'
--- declared
INSERT INTO users (id, name, email) VALUES (?, ?, ?)
--- declared map: 1,0,2,3
--- expanded
INSERT INTO users (id, name, email) VALUES (?, ?, ?)
--- expanded map: 1,0,2,3
--- backfilling
= unchanged

=== insert single row status last literal
INSERT INTO users (id, name, email, status) VALUES (1101, 'w', 'w101@example.com', 'vip')
--- declared
INSERT INTO users (id, name, email) VALUES (1101, 'w', 'w101@example.com')
--- expanded
INSERT INTO users (id, name, email) VALUES (1101, 'w', 'w101@example.com')
--- backfilling
= unchanged

=== insert status default keyword
INSERT INTO users (id, name, email, status) VALUES (?, ?, ?, DEFAULT)
--- params: 1102, 'w', 'w102@example.com'
--- declared
INSERT INTO users (id, name, email) VALUES (?, ?, ?)
--- expanded
INSERT INTO users (id, name, email) VALUES (?, ?, ?)
--- backfilling
= unchanged

=== insert status expression
INSERT INTO users (id, name, email, status) VALUES (?, ?, ?, lower(?))
--- params: 1103, 'w', 'w103@example.com', 'VIP'
--- declared
INSERT INTO users (id, name, email) VALUES (?, ?, ?)
--- declared map: 1,2,3,0
--- expanded
INSERT INTO users (id, name, email) VALUES (?, ?, ?)
--- expanded map: 1,2,3,0
--- backfilling
= unchanged

=== insert status subquery value
INSERT INTO users (id, name, email, status) VALUES (?, ?, ?, (SELECT max(status) FROM orders))
--- params: 1104, 'w', 'w104@example.com'
--- declared
INSERT INTO users (id, name, email) VALUES (?, ?, ?)
--- expanded
INSERT INTO users (id, name, email) VALUES (?, ?, ?)
--- backfilling
= unchanged

=== insert multi row params
INSERT INTO users (id, name, email, status) VALUES (?, ?, ?, ?), (?, ?, ?, ?), (?, ?, ?, ?)
--- params: 1105, 'a', 'a105@example.com', 'vip', 1106, 'b', 'b106@example.com', 'gone', 1107, 'c', 'c107@example.com', 'active'
--- declared
INSERT INTO users (id, name, email) VALUES (?, ?, ?), (?, ?, ?), (?, ?, ?)
--- declared map: 1,2,3,0,4,5,6,0,7,8,9,0
--- expanded
INSERT INTO users (id, name, email) VALUES (?, ?, ?), (?, ?, ?), (?, ?, ?)
--- expanded map: 1,2,3,0,4,5,6,0,7,8,9,0
--- backfilling
= unchanged

=== insert multi row mixed
INSERT INTO users (id, status, name, email) VALUES (1108, ?, 'a', ?), (1109, 'gone', ?, 'b109@example.com')
--- params: 'vip', 'a108@example.com', 'b'
--- declared
INSERT INTO users (id, name, email) VALUES (1108, 'a', ?), (1109, ?, 'b109@example.com')
--- declared map: 0,1,2
--- expanded
INSERT INTO users (id, name, email) VALUES (1108, 'a', ?), (1109, ?, 'b109@example.com')
--- expanded map: 0,1,2
--- backfilling
= unchanged

=== insert returning star
INSERT INTO users (id, name, email, status) VALUES (?, ?, ?, ?) RETURNING *
--- params: 1110, 'r', 'r110@example.com', 'vip'
--- declared
INSERT INTO users (id, name, email) VALUES (?, ?, ?) RETURNING users.id, users.name, users.email, users.deleted_at, users.balance, users.profile, users.created_at, users.version, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status
--- declared map: 1,2,3,0
--- expanded
INSERT INTO users (id, name, email) VALUES (?, ?, ?) RETURNING users.id, users.name, users.email, users.deleted_at, users.balance, users.profile, users.created_at, users.version, COALESCE(users.status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status
--- expanded map: 1,2,3,0
--- backfilling
INSERT INTO users (id, name, email, status) VALUES (?, ?, ?, ?) RETURNING users.id, users.name, users.email, users.deleted_at, users.balance, users.profile, users.created_at, users.version, COALESCE(users.status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status

=== insert returning status
INSERT INTO users (id, name, email, status) VALUES (?, ?, ?, ?) RETURNING id, status
--- params: 1111, 'r', 'r111@example.com', 'vip'
--- declared
INSERT INTO users (id, name, email) VALUES (?, ?, ?) RETURNING id, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status
--- declared map: 1,2,3,0
--- expanded
INSERT INTO users (id, name, email) VALUES (?, ?, ?) RETURNING id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status
--- expanded map: 1,2,3,0
--- backfilling
INSERT INTO users (id, name, email, status) VALUES (?, ?, ?, ?) RETURNING id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status

=== insert returning expression of status
INSERT INTO users (id, name, email) VALUES (?, ?, ?) RETURNING upper(status) AS s
--- params: 1112, 'r', 'r112@example.com'
--- declared
INSERT INTO users (id, name, email) VALUES (?, ?, ?) RETURNING upper(CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)) AS s
--- expanded
INSERT INTO users (id, name, email) VALUES (?, ?, ?) RETURNING upper(COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) AS s
--- backfilling
INSERT INTO users (id, name, email) VALUES (?, ?, ?) RETURNING upper(COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) AS s

=== insert with alias returning
INSERT INTO users AS u (id, name, email, status) VALUES (?, ?, ?, ?) RETURNING u.id, u.status
--- params: 1113, 'r', 'r113@example.com', 'vip'
--- declared
INSERT INTO users AS u (id, name, email) VALUES (?, ?, ?) RETURNING u.id, CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status
--- declared map: 1,2,3,0
--- expanded
INSERT INTO users AS u (id, name, email) VALUES (?, ?, ?) RETURNING u.id, COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status
--- expanded map: 1,2,3,0
--- backfilling
INSERT INTO users AS u (id, name, email, status) VALUES (?, ?, ?, ?) RETURNING u.id, COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status

=== insert select from orders
INSERT INTO users (id, name, email, status) SELECT o.id + 2000, 'o' || o.id, 'o' || o.id || '@example.com', o.status FROM orders o WHERE o.id < ?
--- params: 4
--- declared
INSERT INTO users (id, name, email) SELECT o.id + 2000, 'o' || o.id, 'o' || o.id || '@example.com' FROM orders o WHERE o.id < ?
--- expanded
INSERT INTO users (id, name, email) SELECT o.id + 2000, 'o' || o.id, 'o' || o.id || '@example.com' FROM orders o WHERE o.id < ?
--- backfilling
= unchanged

=== insert select status literal
INSERT INTO users (id, name, email, status) SELECT 1114, 'l', 'l114@example.com', 'vip'
--- declared
INSERT INTO users (id, name, email) SELECT 1114, 'l', 'l114@example.com'
--- expanded
INSERT INTO users (id, name, email) SELECT 1114, 'l', 'l114@example.com'
--- backfilling
= unchanged

=== insert select union
INSERT INTO users (id, name, email, status) SELECT 1115, 'x', 'x115@example.com', 'vip' UNION ALL SELECT 1116, 'y', 'y116@example.com', 'gone'
--- declared
INSERT INTO users (id, name, email) SELECT 1115, 'x', 'x115@example.com' UNION ALL SELECT 1116, 'y', 'y116@example.com'
--- expanded
INSERT INTO users (id, name, email) SELECT 1115, 'x', 'x115@example.com' UNION ALL SELECT 1116, 'y', 'y116@example.com'
--- backfilling
= unchanged

=== insert select from users copy
INSERT INTO tags (id, user_id, label) SELECT id + 500, id, status FROM users WHERE status = ?
--- params: 'active'
--- declared
INSERT INTO tags (id, user_id, label) SELECT id + 500, id, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ?
--- expanded
INSERT INTO tags (id, user_id, label) SELECT id + 500, id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?
--- backfilling
INSERT INTO tags (id, user_id, label) SELECT id + 500, id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?

=== insert with cte
WITH src AS (SELECT ? AS id, ? AS name) INSERT INTO users (id, name, email, status) SELECT src.id::bigint, src.name, src.name || '@example.com', ? FROM src
--- params: 1117, 'cte', 'vip'
--- declared
WITH src AS (SELECT ? AS id, ? AS name) INSERT INTO users (id, name, email) SELECT src.id::bigint, src.name, src.name || '@example.com' FROM src
--- declared map: 1,2,0
--- expanded
WITH src AS (SELECT ? AS id, ? AS name) INSERT INTO users (id, name, email) SELECT src.id::bigint, src.name, src.name || '@example.com' FROM src
--- expanded map: 1,2,0
--- backfilling
= unchanged

=== upsert update other columns
INSERT INTO users (id, name, email, status) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email
--- params: 1, 'up', 'up1@example.com', 'vip'
--- declared
INSERT INTO users (id, name, email) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email
--- declared map: 1,2,3,0
--- expanded
INSERT INTO users (id, name, email) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email
--- expanded map: 1,2,3,0
--- backfilling
= unchanged

=== upsert with status and where
INSERT INTO users AS u (id, name, email, status) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, name = EXCLUDED.name WHERE u.status IS NOT NULL
--- params: 2, 'up', 'u2@example.com', 'vip'
--- declared
INSERT INTO users AS u (id, name, email) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name WHERE CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) IS NOT NULL
--- declared map: 1,2,3,0
--- expanded
INSERT INTO users AS u (id, name, email) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name WHERE COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) IS NOT NULL
--- expanded map: 1,2,3,0
--- backfilling
INSERT INTO users AS u (id, name, email, status) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET status = COALESCE(EXCLUDED.status, CASE WHEN excluded.deleted_at IS NULL THEN 'active' ELSE 'gone' END), name = EXCLUDED.name WHERE COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) IS NOT NULL

=== upsert status only with where
INSERT INTO users AS u (id, name, email, status) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status WHERE u.deleted_at IS NULL
--- params: 3, 'up', 'u3@example.com', 'vip'
--- declared
INSERT INTO users AS u (id, name, email) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET id = u.id WHERE u.deleted_at IS NULL
--- declared map: 1,2,3,0
--- expanded
INSERT INTO users AS u (id, name, email) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET id = u.id WHERE u.deleted_at IS NULL
--- expanded map: 1,2,3,0
--- backfilling
INSERT INTO users AS u (id, name, email, status) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET status = COALESCE(EXCLUDED.status, CASE WHEN excluded.deleted_at IS NULL THEN 'active' ELSE 'gone' END) WHERE u.deleted_at IS NULL

=== upsert status only returning
INSERT INTO users (id, name, email, status) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status RETURNING id, status
--- params: 4, 'up', 'u4@example.com', 'vip'
--- declared
INSERT INTO users (id, name, email) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET id = users.id RETURNING id, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status
--- declared map: 1,2,3,0
--- expanded
INSERT INTO users (id, name, email) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET id = users.id RETURNING id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status
--- expanded map: 1,2,3,0
--- backfilling
INSERT INTO users (id, name, email, status) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET status = COALESCE(EXCLUDED.status, CASE WHEN excluded.deleted_at IS NULL THEN 'active' ELSE 'gone' END) RETURNING id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status

=== upsert status coalesce existing
INSERT INTO users AS u (id, name, email, status) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = u.name || coalesce(u.status, '')
--- params: 5, 'up', 'u5@example.com', 'vip'
--- declared
INSERT INTO users AS u (id, name, email) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = u.name || coalesce(CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text), '')
--- declared map: 1,2,3,0
--- expanded
INSERT INTO users AS u (id, name, email) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = u.name || coalesce(COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END), '')
--- expanded map: 1,2,3,0
--- backfilling
INSERT INTO users AS u (id, name, email, status) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = u.name || coalesce(COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END), '')

=== upsert on email constraint column
INSERT INTO users (id, name, email, status) VALUES (?, ?, ?, ?) ON CONFLICT (email) DO UPDATE SET status = EXCLUDED.status, name = 'dup'
--- params: 1118, 'up', 'u6@example.com', 'vip'
--- declared
INSERT INTO users (id, name, email) VALUES (?, ?, ?) ON CONFLICT (email) DO UPDATE SET name = 'dup'
--- declared map: 1,2,3,0
--- expanded
INSERT INTO users (id, name, email) VALUES (?, ?, ?) ON CONFLICT (email) DO UPDATE SET name = 'dup'
--- expanded map: 1,2,3,0
--- backfilling
INSERT INTO users (id, name, email, status) VALUES (?, ?, ?, ?) ON CONFLICT (email) DO UPDATE SET status = COALESCE(EXCLUDED.status, CASE WHEN excluded.deleted_at IS NULL THEN 'active' ELSE 'gone' END), name = 'dup'

=== upsert multi row
INSERT INTO users (id, name, email, status) VALUES (?, ?, ?, ?), (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, email = EXCLUDED.email
--- params: 7, 'a', 'a7@example.com', 'vip', 1119, 'b', 'b119@example.com', 'gone'
--- declared
INSERT INTO users (id, name, email) VALUES (?, ?, ?), (?, ?, ?) ON CONFLICT (id) DO UPDATE SET email = EXCLUDED.email
--- declared map: 1,2,3,0,4,5,6,0
--- expanded
INSERT INTO users (id, name, email) VALUES (?, ?, ?), (?, ?, ?) ON CONFLICT (id) DO UPDATE SET email = EXCLUDED.email
--- expanded map: 1,2,3,0,4,5,6,0
--- backfilling
INSERT INTO users (id, name, email, status) VALUES (?, ?, ?, ?), (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET status = COALESCE(EXCLUDED.status, CASE WHEN excluded.deleted_at IS NULL THEN 'active' ELSE 'gone' END), email = EXCLUDED.email

=== upsert do nothing returning
INSERT INTO users (id, name, email, status) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id
--- params: 1120, 'n', 'n120@example.com', 'vip'
--- declared
INSERT INTO users (id, name, email) VALUES (?, ?, ?) ON CONFLICT DO NOTHING RETURNING id
--- declared map: 1,2,3,0
--- expanded
INSERT INTO users (id, name, email) VALUES (?, ?, ?) ON CONFLICT DO NOTHING RETURNING id
--- expanded map: 1,2,3,0
--- backfilling
= unchanged

=== update several items status first
UPDATE users SET status = ?, name = ?, balance = ? WHERE id = ?
--- params: 'vip', 'n', 5.00, 1
--- declared
UPDATE users SET name = ?, balance = ? WHERE id = ?
--- declared map: 0,1,2,3
--- expanded
UPDATE users SET name = ?, balance = ? WHERE id = ?
--- expanded map: 0,1,2,3
--- backfilling
= unchanged

=== update status from expression
UPDATE users SET status = CASE WHEN balance > 100 THEN 'vip' ELSE 'active' END WHERE id < ?
--- params: 5
--- declared
SELECT count(*) FROM users WHERE id < ?
--- declared count
--- expanded
SELECT count(*) FROM users WHERE id < ?
--- expanded count
--- backfilling
= unchanged

=== update status reading status
UPDATE users SET status = upper(status) WHERE id = ?
--- params: 2
--- declared
SELECT count(*) FROM users WHERE id = ?
--- declared count
--- expanded
SELECT count(*) FROM users WHERE id = ?
--- expanded count
--- backfilling
UPDATE users SET status = upper(COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) WHERE id = ?

=== update name reading status
UPDATE users SET name = name || '-' || status WHERE id = ?
--- params: 3
--- declared
UPDATE users SET name = name || '-' || CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) WHERE id = ?
--- expanded
UPDATE users SET name = name || '-' || COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) WHERE id = ?
--- backfilling
UPDATE users SET name = name || '-' || COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) WHERE id = ?

=== update status only returning star
UPDATE users SET status = ? WHERE id = ? RETURNING *
--- params: 'vip', 4
--- declared
SELECT users.id, users.name, users.email, users.deleted_at, users.balance, users.profile, users.created_at, users.version, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users WHERE id = ?
--- declared map: 0,1
--- expanded
SELECT users.id, users.name, users.email, users.deleted_at, users.balance, users.profile, users.created_at, users.version, COALESCE(users.status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE id = ?
--- expanded map: 0,1
--- backfilling
UPDATE users SET status = ? WHERE id = ? RETURNING users.id, users.name, users.email, users.deleted_at, users.balance, users.profile, users.created_at, users.version, COALESCE(users.status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status

=== update status only no where
UPDATE users SET status = 'vip'
--- declared
SELECT count(*) FROM users
--- declared count
--- expanded
SELECT count(*) FROM users
--- expanded count
--- backfilling
= unchanged

=== update status only with alias
UPDATE users AS u SET status = ? WHERE u.id IN (?, ?)
--- params: 'gone', 5, 6
--- declared
SELECT count(*) FROM users AS u WHERE u.id IN (?, ?)
--- declared map: 0,1,2
--- declared count
--- expanded
SELECT count(*) FROM users AS u WHERE u.id IN (?, ?)
--- expanded map: 0,1,2
--- expanded count
--- backfilling
= unchanged

=== update status from orders
UPDATE users u SET status = o.status FROM orders o WHERE o.user_id = u.id AND o.total > ?
--- params: 50
--- declared
SELECT count(*) FROM users u WHERE EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.id AND o.total > ?)
--- declared count
--- expanded
SELECT count(*) FROM users u WHERE EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.id AND o.total > ?)
--- expanded count
--- backfilling
= unchanged

=== update status from orders returning
UPDATE users u SET status = o.status FROM orders o WHERE o.user_id = u.id AND o.id = ? RETURNING u.id, o.total
--- params: 3
--- declared
SELECT DISTINCT ON (u.ctid) u.id, o.total FROM users u, orders o WHERE o.user_id = u.id AND o.id = ?
--- expanded
SELECT DISTINCT ON (u.ctid) u.id, o.total FROM users u, orders o WHERE o.user_id = u.id AND o.id = ?
--- backfilling
= unchanged

=== update other from orders by status
UPDATE users u SET balance = u.balance + o.total FROM orders o WHERE o.user_id = u.id AND o.id = ? AND u.status = ?
--- params: 4, 'active'
--- declared
UPDATE users u SET balance = u.balance + o.total FROM orders o WHERE o.user_id = u.id AND o.id = ? AND CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ?
--- expanded
UPDATE users u SET balance = u.balance + o.total FROM orders o WHERE o.user_id = u.id AND o.id = ? AND COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?
--- backfilling
UPDATE users u SET balance = u.balance + o.total FROM orders o WHERE o.user_id = u.id AND o.id = ? AND COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?

=== update with cte
WITH t AS (SELECT user_id FROM tags WHERE label = ?) UPDATE users SET status = ? WHERE id IN (SELECT user_id FROM t)
--- params: 'red', 'vip'
--- declared
WITH t AS (SELECT user_id FROM tags WHERE label = ?) SELECT count(*) FROM users WHERE id IN (SELECT user_id FROM t)
--- declared map: 1,0
--- declared count
--- expanded
WITH t AS (SELECT user_id FROM tags WHERE label = ?) SELECT count(*) FROM users WHERE id IN (SELECT user_id FROM t)
--- expanded map: 1,0
--- expanded count
--- backfilling
= unchanged

=== update where exists status
UPDATE orders o SET note = 'flag' WHERE EXISTS (SELECT 1 FROM users u WHERE u.id = o.user_id AND u.status = ?)
--- params: 'gone'
--- declared
UPDATE orders o SET note = 'flag' WHERE EXISTS (SELECT 1 FROM users u WHERE u.id = o.user_id AND CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ?)
--- expanded
UPDATE orders o SET note = 'flag' WHERE EXISTS (SELECT 1 FROM users u WHERE u.id = o.user_id AND COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?)
--- backfilling
UPDATE orders o SET note = 'flag' WHERE EXISTS (SELECT 1 FROM users u WHERE u.id = o.user_id AND COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?)

=== update orders status by user status
UPDATE orders SET status = 'paid' WHERE user_id IN (SELECT id FROM users WHERE status = 'vip')
--- declared
UPDATE orders SET status = 'paid' WHERE user_id IN (SELECT id FROM users WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = 'vip')
--- expanded
UPDATE orders SET status = 'paid' WHERE user_id IN (SELECT id FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = 'vip')
--- backfilling
UPDATE orders SET status = 'paid' WHERE user_id IN (SELECT id FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = 'vip')

=== update with comment and status
/* app: billing */ UPDATE users SET status = ? /* flag */ WHERE id = ? -- done
--- params: 'vip', 7
--- declared
/* app: billing */ SELECT count(*) FROM users WHERE id = ?
--- declared map: 0,1
--- declared count
--- expanded
/* app: billing */ SELECT count(*) FROM users WHERE id = ?
--- expanded map: 0,1
--- expanded count
--- backfilling
= unchanged

=== delete returning star
DELETE FROM users WHERE id = ? RETURNING *
--- params: 1120
--- declared
DELETE FROM users WHERE id = ? RETURNING users.id, users.name, users.email, users.deleted_at, users.balance, users.profile, users.created_at, users.version, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status
--- expanded
DELETE FROM users WHERE id = ? RETURNING users.id, users.name, users.email, users.deleted_at, users.balance, users.profile, users.created_at, users.version, COALESCE(users.status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status
--- backfilling
DELETE FROM users WHERE id = ? RETURNING users.id, users.name, users.email, users.deleted_at, users.balance, users.profile, users.created_at, users.version, COALESCE(users.status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status

=== delete returning status
DELETE FROM users WHERE id = ? RETURNING id, status
--- params: 1120
--- declared
DELETE FROM users WHERE id = ? RETURNING id, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status
--- expanded
DELETE FROM users WHERE id = ? RETURNING id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status
--- backfilling
DELETE FROM users WHERE id = ? RETURNING id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status

=== delete using orders
DELETE FROM tags t USING users u WHERE u.id = t.user_id AND u.status = ?
--- params: 'gone'
--- declared
DELETE FROM tags t USING users u WHERE u.id = t.user_id AND CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ?
--- expanded
DELETE FROM tags t USING users u WHERE u.id = t.user_id AND COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?
--- backfilling
DELETE FROM tags t USING users u WHERE u.id = t.user_id AND COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?

=== delete where status
DELETE FROM users WHERE status = ? AND id > 1000
--- params: 'vip'
--- declared
DELETE FROM users WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ? AND id > 1000
--- expanded
DELETE FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? AND id > 1000
--- backfilling
DELETE FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? AND id > 1000

=== delete with cte
WITH gone AS (SELECT id FROM users WHERE status = 'gone') DELETE FROM tags WHERE user_id IN (SELECT id FROM gone)
--- declared
WITH gone AS (SELECT id FROM users WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = 'gone') DELETE FROM tags WHERE user_id IN (SELECT id FROM gone)
--- expanded
WITH gone AS (SELECT id FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = 'gone') DELETE FROM tags WHERE user_id IN (SELECT id FROM gone)
--- backfilling
WITH gone AS (SELECT id FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = 'gone') DELETE FROM tags WHERE user_id IN (SELECT id FROM gone)

=== delete orders of users by status returning
DELETE FROM orders o USING users u WHERE o.user_id = u.id AND u.status = ? RETURNING o.id, u.status
--- params: 'nobody'
--- declared
DELETE FROM orders o USING users u WHERE o.user_id = u.id AND CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ? RETURNING o.id, CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status
--- expanded
DELETE FROM orders o USING users u WHERE o.user_id = u.id AND COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? RETURNING o.id, COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status
--- backfilling
DELETE FROM orders o USING users u WHERE o.user_id = u.id AND COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? RETURNING o.id, COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status

=== select for update then status
SELECT id, status FROM users WHERE id = ? FOR UPDATE NOWAIT
--- params: 8
--- declared
SELECT id, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users WHERE id = ? FOR UPDATE NOWAIT
--- expanded
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE id = ? FOR UPDATE NOWAIT
--- backfilling
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE id = ? FOR UPDATE NOWAIT

=== merge update status and name
MERGE INTO users u USING orders o ON o.user_id = u.id AND o.id = ? WHEN MATCHED THEN UPDATE SET status = o.status, name = ?
--- params: 5, 'merged'
--- declared
MERGE INTO users u USING orders o ON o.user_id = u.id AND o.id = ? WHEN MATCHED THEN UPDATE SET name = ?
--- expanded
MERGE INTO users u USING orders o ON o.user_id = u.id AND o.id = ? WHEN MATCHED THEN UPDATE SET name = ?
--- backfilling
= unchanged

=== merge update status only
MERGE INTO users u USING orders o ON o.user_id = u.id AND o.id = ? WHEN MATCHED THEN UPDATE SET status = o.status
--- params: 6
--- declared
MERGE INTO users u USING orders o ON o.user_id = u.id AND o.id = ? WHEN MATCHED THEN UPDATE SET id = u.id
--- expanded
MERGE INTO users u USING orders o ON o.user_id = u.id AND o.id = ? WHEN MATCHED THEN UPDATE SET id = u.id
--- backfilling
= unchanged

=== merge insert with status
MERGE INTO users u USING (SELECT ?::bigint AS id, ? AS name) s ON s.id = u.id WHEN MATCHED THEN UPDATE SET name = s.name WHEN NOT MATCHED THEN INSERT (id, name, email, status) VALUES (s.id, s.name, s.name || '@example.com', ?)
--- params: 1130, 'merge', 'vip'
--- declared
MERGE INTO users u USING (SELECT ?::bigint AS id, ? AS name) s ON s.id = u.id WHEN MATCHED THEN UPDATE SET name = s.name WHEN NOT MATCHED THEN INSERT (id, name, email) VALUES (s.id, s.name, s.name || '@example.com')
--- declared map: 1,2,0
--- expanded
MERGE INTO users u USING (SELECT ?::bigint AS id, ? AS name) s ON s.id = u.id WHEN MATCHED THEN UPDATE SET name = s.name WHEN NOT MATCHED THEN INSERT (id, name, email) VALUES (s.id, s.name, s.name || '@example.com')
--- expanded map: 1,2,0
--- backfilling
= unchanged

=== merge condition on status
MERGE INTO users u USING orders o ON o.user_id = u.id AND o.id < ? WHEN MATCHED AND u.status = 'active' THEN UPDATE SET balance = u.balance + o.total
--- params: 10
--- declared
MERGE INTO users u USING orders o ON o.user_id = u.id AND o.id < ? WHEN MATCHED AND CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = 'active' THEN UPDATE SET balance = u.balance + o.total
--- expanded
MERGE INTO users u USING orders o ON o.user_id = u.id AND o.id < ? WHEN MATCHED AND COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = 'active' THEN UPDATE SET balance = u.balance + o.total
--- backfilling
MERGE INTO users u USING orders o ON o.user_id = u.id AND o.id < ? WHEN MATCHED AND COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = 'active' THEN UPDATE SET balance = u.balance + o.total

