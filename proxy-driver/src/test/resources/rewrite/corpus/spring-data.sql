# Spring Data JDBC (quoted identifiers, AS labels), JdbcTemplate and NamedParameterJdbcTemplate SQL.

=== jdbc find by id
SELECT "users"."id" AS "id", "users"."name" AS "name", "users"."email" AS "email", "users"."status" AS "status" FROM "users" WHERE "users"."id" = ?
--- params: 2
--- declared
SELECT "users"."id" AS "id", "users"."name" AS "name", "users"."email" AS "email", CAST(CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS "status" FROM "users" WHERE "users"."id" = ?
--- expanded
SELECT "users"."id" AS "id", "users"."name" AS "name", "users"."email" AS "email", COALESCE("users"."status", CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status" FROM "users" WHERE "users"."id" = ?
--- backfilling
SELECT "users"."id" AS "id", "users"."name" AS "name", "users"."email" AS "email", COALESCE("users"."status", CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status" FROM "users" WHERE "users"."id" = ?

=== jdbc find all
SELECT "users"."id" AS "id", "users"."status" AS "status" FROM "users" ORDER BY "users"."id"
--- declared
SELECT "users"."id" AS "id", CAST(CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS "status" FROM "users" ORDER BY "users"."id"
--- expanded
SELECT "users"."id" AS "id", COALESCE("users"."status", CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status" FROM "users" ORDER BY "users"."id"
--- backfilling
SELECT "users"."id" AS "id", COALESCE("users"."status", CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status" FROM "users" ORDER BY "users"."id"

=== jdbc find by status
SELECT "users"."id" AS "id", "users"."status" AS "status" FROM "users" WHERE "users"."status" = ? ORDER BY "users"."id"
--- params: 'active'
--- declared
SELECT "users"."id" AS "id", CAST(CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS "status" FROM "users" WHERE CAST(CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ? ORDER BY "users"."id"
--- expanded
SELECT "users"."id" AS "id", COALESCE("users"."status", CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status" FROM "users" WHERE COALESCE("users"."status", CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? ORDER BY "users"."id"
--- backfilling
SELECT "users"."id" AS "id", COALESCE("users"."status", CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status" FROM "users" WHERE COALESCE("users"."status", CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? ORDER BY "users"."id"

=== jdbc count by status
SELECT COUNT(*) FROM "users" WHERE "users"."status" = ?
--- params: 'gone'
--- declared
SELECT COUNT(*) FROM "users" WHERE CAST(CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ?
--- expanded
SELECT COUNT(*) FROM "users" WHERE COALESCE("users"."status", CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?
--- backfilling
SELECT COUNT(*) FROM "users" WHERE COALESCE("users"."status", CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?

=== jdbc exists by status
SELECT "users"."id" FROM "users" WHERE "users"."status" = ? LIMIT 1
--- params: 'vip'
--- declared
SELECT "users"."id" FROM "users" WHERE CAST(CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ? LIMIT 1
--- expanded
SELECT "users"."id" FROM "users" WHERE COALESCE("users"."status", CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? LIMIT 1
--- backfilling
SELECT "users"."id" FROM "users" WHERE COALESCE("users"."status", CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? LIMIT 1

=== jdbc paged sorted by status
SELECT "users"."id" AS "id", "users"."status" AS "status" FROM "users" ORDER BY "users"."status" ASC, "users"."id" ASC LIMIT 5 OFFSET 5
--- declared
SELECT "users"."id" AS "id", CAST(CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS "status" FROM "users" ORDER BY CAST(CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) ASC, "users"."id" ASC LIMIT 5 OFFSET 5
--- expanded
SELECT "users"."id" AS "id", COALESCE("users"."status", CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status" FROM "users" ORDER BY COALESCE("users"."status", CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) ASC, "users"."id" ASC LIMIT 5 OFFSET 5
--- backfilling
SELECT "users"."id" AS "id", COALESCE("users"."status", CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status" FROM "users" ORDER BY COALESCE("users"."status", CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) ASC, "users"."id" ASC LIMIT 5 OFFSET 5

=== jdbc insert
INSERT INTO "users" ("id", "name", "email", "balance", "status") VALUES (?, ?, ?, ?, ?)
--- params: 1003, 'spring', 'spring@example.com', 0.00, 'vip'
--- declared
INSERT INTO "users" ("id", "name", "email", "balance") VALUES (?, ?, ?, ?)
--- declared map: 1,2,3,4,0
--- expanded
INSERT INTO "users" ("id", "name", "email", "balance") VALUES (?, ?, ?, ?)
--- expanded map: 1,2,3,4,0
--- backfilling
= unchanged

=== jdbc insert returning id
INSERT INTO "users" ("id", "name", "email", "status") VALUES (?, ?, ?, ?) RETURNING "id"
--- params: 1004, 'spring', 'spring4@example.com', 'vip'
--- declared
INSERT INTO "users" ("id", "name", "email") VALUES (?, ?, ?) RETURNING "id"
--- declared map: 1,2,3,0
--- expanded
INSERT INTO "users" ("id", "name", "email") VALUES (?, ?, ?) RETURNING "id"
--- expanded map: 1,2,3,0
--- backfilling
= unchanged

=== jdbc update
UPDATE "users" SET "name" = ?, "email" = ?, "status" = ?, "version" = ? WHERE "users"."id" = ? AND "users"."version" = ?
--- params: 'n', 'n@example.com', 'vip', 1, 4, 0
--- declared
UPDATE "users" SET "name" = ?, "email" = ?, "version" = ? WHERE "users"."id" = ? AND "users"."version" = ?
--- declared map: 1,2,0,3,4,5
--- expanded
UPDATE "users" SET "name" = ?, "email" = ?, "version" = ? WHERE "users"."id" = ? AND "users"."version" = ?
--- expanded map: 1,2,0,3,4,5
--- backfilling
= unchanged

=== jdbc update status only
UPDATE "users" SET "status" = ? WHERE "users"."id" = ?
--- params: 'gone', 5
--- declared
SELECT count(*) FROM "users" WHERE "users"."id" = ?
--- declared map: 0,1
--- declared count
--- expanded
SELECT count(*) FROM "users" WHERE "users"."id" = ?
--- expanded map: 0,1
--- expanded count
--- backfilling
= unchanged

=== jdbc delete by status
DELETE FROM "tags" WHERE "tags"."user_id" IN (SELECT "users"."id" FROM "users" WHERE "users"."status" = ?)
--- params: 'nobody'
--- declared
DELETE FROM "tags" WHERE "tags"."user_id" IN (SELECT "users"."id" FROM "users" WHERE CAST(CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ?)
--- expanded
DELETE FROM "tags" WHERE "tags"."user_id" IN (SELECT "users"."id" FROM "users" WHERE COALESCE("users"."status", CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?)
--- backfilling
DELETE FROM "tags" WHERE "tags"."user_id" IN (SELECT "users"."id" FROM "users" WHERE COALESCE("users"."status", CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?)

=== jdbc one-to-many join
SELECT "users"."id" AS "id", "users"."status" AS "status", "orders"."id" AS "orders_id", "orders"."status" AS "orders_status" FROM "users" LEFT OUTER JOIN "orders" ON "orders"."user_id" = "users"."id" WHERE "users"."id" = ? ORDER BY "orders"."id"
--- params: 3
--- declared
SELECT "users"."id" AS "id", CAST(CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS "status", "orders"."id" AS "orders_id", "orders"."status" AS "orders_status" FROM "users" LEFT OUTER JOIN "orders" ON "orders"."user_id" = "users"."id" WHERE "users"."id" = ? ORDER BY "orders"."id"
--- expanded
SELECT "users"."id" AS "id", COALESCE("users"."status", CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status", "orders"."id" AS "orders_id", "orders"."status" AS "orders_status" FROM "users" LEFT OUTER JOIN "orders" ON "orders"."user_id" = "users"."id" WHERE "users"."id" = ? ORDER BY "orders"."id"
--- backfilling
SELECT "users"."id" AS "id", COALESCE("users"."status", CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status", "orders"."id" AS "orders_id", "orders"."status" AS "orders_status" FROM "users" LEFT OUTER JOIN "orders" ON "orders"."user_id" = "users"."id" WHERE "users"."id" = ? ORDER BY "orders"."id"

=== jdbc status ignore case
SELECT "users"."id" AS "id" FROM "users" WHERE UPPER("users"."status") = UPPER(?) ORDER BY "users"."id"
--- params: 'vip'
--- declared
SELECT "users"."id" AS "id" FROM "users" WHERE UPPER(CAST(CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)) = UPPER(?) ORDER BY "users"."id"
--- expanded
SELECT "users"."id" AS "id" FROM "users" WHERE UPPER(COALESCE("users"."status", CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END)) = UPPER(?) ORDER BY "users"."id"
--- backfilling
SELECT "users"."id" AS "id" FROM "users" WHERE UPPER(COALESCE("users"."status", CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END)) = UPPER(?) ORDER BY "users"."id"

=== jdbc status in
SELECT "users"."id" AS "id" FROM "users" WHERE "users"."status" IN (?, ?) ORDER BY "users"."id"
--- params: 'gone', 'vip'
--- declared
SELECT "users"."id" AS "id" FROM "users" WHERE CAST(CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) IN (?, ?) ORDER BY "users"."id"
--- expanded
SELECT "users"."id" AS "id" FROM "users" WHERE COALESCE("users"."status", CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) IN (?, ?) ORDER BY "users"."id"
--- backfilling
SELECT "users"."id" AS "id" FROM "users" WHERE COALESCE("users"."status", CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) IN (?, ?) ORDER BY "users"."id"

=== jdbc status null
SELECT "users"."id" AS "id" FROM "users" WHERE "users"."status" IS NULL
--- declared
SELECT "users"."id" AS "id" FROM "users" WHERE CAST(CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) IS NULL
--- expanded
SELECT "users"."id" AS "id" FROM "users" WHERE COALESCE("users"."status", CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) IS NULL
--- backfilling
SELECT "users"."id" AS "id" FROM "users" WHERE COALESCE("users"."status", CASE WHEN "users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) IS NULL

=== template select star by id
SELECT * FROM users WHERE id = ?
--- params: 6
--- compare: shape
--- declared
SELECT users.id, users.name, users.email, users.deleted_at, users.balance, users.profile, users.created_at, users.version, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users WHERE id = ?
--- expanded
SELECT users.id, users.name, users.email, users.deleted_at, users.balance, users.profile, users.created_at, users.version, COALESCE(users.status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE id = ?
--- backfilling
SELECT users.id, users.name, users.email, users.deleted_at, users.balance, users.profile, users.created_at, users.version, COALESCE(users.status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE id = ?

=== template select star all
SELECT * FROM users ORDER BY id
--- compare: shape
--- declared
SELECT users.id, users.name, users.email, users.deleted_at, users.balance, users.profile, users.created_at, users.version, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users ORDER BY id
--- expanded
SELECT users.id, users.name, users.email, users.deleted_at, users.balance, users.profile, users.created_at, users.version, COALESCE(users.status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users ORDER BY id
--- backfilling
SELECT users.id, users.name, users.email, users.deleted_at, users.balance, users.profile, users.created_at, users.version, COALESCE(users.status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users ORDER BY id

=== template select star by status
SELECT * FROM users WHERE status = ? ORDER BY id
--- params: 'active'
--- compare: shape
--- declared
SELECT users.id, users.name, users.email, users.deleted_at, users.balance, users.profile, users.created_at, users.version, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ? ORDER BY id
--- expanded
SELECT users.id, users.name, users.email, users.deleted_at, users.balance, users.profile, users.created_at, users.version, COALESCE(users.status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? ORDER BY id
--- backfilling
SELECT users.id, users.name, users.email, users.deleted_at, users.balance, users.profile, users.created_at, users.version, COALESCE(users.status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? ORDER BY id

=== template select columns
SELECT id, name, email, status FROM users WHERE id = ?
--- params: 7
--- declared
SELECT id, name, email, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users WHERE id = ?
--- expanded
SELECT id, name, email, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE id = ?
--- backfilling
SELECT id, name, email, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE id = ?

=== template select status only
SELECT status FROM users WHERE id = ?
--- params: 8
--- declared
SELECT CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users WHERE id = ?
--- expanded
SELECT COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE id = ?
--- backfilling
SELECT COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE id = ?

=== template query for list
SELECT id, status FROM users WHERE status = ? AND balance > ? ORDER BY id
--- params: 'active', 10.00
--- declared
SELECT id, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ? AND balance > ? ORDER BY id
--- expanded
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? AND balance > ? ORDER BY id
--- backfilling
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? AND balance > ? ORDER BY id

=== template count
SELECT count(*) FROM users WHERE status = ?
--- params: 'active'
--- declared
SELECT count(*) FROM users WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ?
--- expanded
SELECT count(*) FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?
--- backfilling
SELECT count(*) FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?

=== template group count
SELECT status, count(*) AS n FROM users GROUP BY status ORDER BY status
--- declared
SELECT CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status, count(*) AS n FROM users GROUP BY CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) ORDER BY status
--- expanded
SELECT COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, count(*) AS n FROM users GROUP BY COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) ORDER BY status
--- backfilling
SELECT COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, count(*) AS n FROM users GROUP BY COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) ORDER BY status

=== template insert
INSERT INTO users (id, name, email, status) VALUES (?, ?, ?, ?)
--- params: 1005, 'tmpl', 'tmpl@example.com', 'gone'
--- declared
INSERT INTO users (id, name, email) VALUES (?, ?, ?)
--- declared map: 1,2,3,0
--- expanded
INSERT INTO users (id, name, email) VALUES (?, ?, ?)
--- expanded map: 1,2,3,0
--- backfilling
= unchanged

=== template insert status first
INSERT INTO users (status, id, name, email) VALUES (?, ?, ?, ?)
--- params: 'gone', 1006, 'tmpl', 'tmpl6@example.com'
--- declared
INSERT INTO users (id, name, email) VALUES (?, ?, ?)
--- declared map: 0,1,2,3
--- expanded
INSERT INTO users (id, name, email) VALUES (?, ?, ?)
--- expanded map: 0,1,2,3
--- backfilling
= unchanged

=== template insert without status
INSERT INTO users (id, name, email) VALUES (?, ?, ?)
--- params: 1007, 'tmpl', 'tmpl7@example.com'
--- declared
= unchanged
--- expanded
= unchanged
--- backfilling
= unchanged

=== template update status and name
UPDATE users SET status = ?, name = ? WHERE id = ?
--- params: 'vip', 'x', 9
--- declared
UPDATE users SET name = ? WHERE id = ?
--- declared map: 0,1,2
--- expanded
UPDATE users SET name = ? WHERE id = ?
--- expanded map: 0,1,2
--- backfilling
= unchanged

=== template update name where status
UPDATE users SET name = ? WHERE status = ?
--- params: 'x', 'gone'
--- declared
UPDATE users SET name = ? WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ?
--- expanded
UPDATE users SET name = ? WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?
--- backfilling
UPDATE users SET name = ? WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?

=== template update status only
UPDATE users SET status = ? WHERE id = ?
--- params: 'vip', 10
--- declared
SELECT count(*) FROM users WHERE id = ?
--- declared map: 0,1
--- declared count
--- expanded
SELECT count(*) FROM users WHERE id = ?
--- expanded map: 0,1
--- expanded count
--- backfilling
= unchanged

=== template update status of many
UPDATE users SET status = 'gone' WHERE deleted_at IS NOT NULL
--- declared
SELECT count(*) FROM users WHERE deleted_at IS NOT NULL
--- declared count
--- expanded
SELECT count(*) FROM users WHERE deleted_at IS NOT NULL
--- expanded count
--- backfilling
= unchanged

=== template delete where status
DELETE FROM tags WHERE user_id IN (SELECT id FROM users WHERE status = ?)
--- params: 'nobody'
--- declared
DELETE FROM tags WHERE user_id IN (SELECT id FROM users WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ?)
--- expanded
DELETE FROM tags WHERE user_id IN (SELECT id FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?)
--- backfilling
DELETE FROM tags WHERE user_id IN (SELECT id FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?)

=== named parameters expanded list
SELECT id, status FROM users WHERE id IN (?, ?, ?, ?) ORDER BY id
--- params: 1, 2, 3, 4
--- declared
SELECT id, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users WHERE id IN (?, ?, ?, ?) ORDER BY id
--- expanded
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE id IN (?, ?, ?, ?) ORDER BY id
--- backfilling
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE id IN (?, ?, ?, ?) ORDER BY id

=== template batch insert row
INSERT INTO users (id, name, email, status, balance) VALUES (?, ?, ?, ?, ?)
--- params: 1008, 'b', 'b@example.com', 'vip', 1.00
--- declared
INSERT INTO users (id, name, email, balance) VALUES (?, ?, ?, ?)
--- declared map: 1,2,3,0,4
--- expanded
INSERT INTO users (id, name, email, balance) VALUES (?, ?, ?, ?)
--- expanded map: 1,2,3,0,4
--- backfilling
= unchanged

=== template upsert
INSERT INTO users (id, name, email, status) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, status = EXCLUDED.status
--- params: 1, 'upserted', 'u1@example.com', 'vip'
--- declared
INSERT INTO users (id, name, email) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name
--- declared map: 1,2,3,0
--- expanded
INSERT INTO users (id, name, email) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name
--- expanded map: 1,2,3,0
--- backfilling
INSERT INTO users (id, name, email, status) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, status = COALESCE(EXCLUDED.status, CASE WHEN excluded.deleted_at IS NULL THEN 'active' ELSE 'gone' END)

=== template upsert status only
INSERT INTO users (id, name, email, status) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status
--- params: 2, 'x', 'u2@example.com', 'vip'
--- declared
INSERT INTO users (id, name, email) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET id = users.id
--- declared map: 1,2,3,0
--- expanded
INSERT INTO users (id, name, email) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET id = users.id
--- expanded map: 1,2,3,0
--- backfilling
INSERT INTO users (id, name, email, status) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET status = COALESCE(EXCLUDED.status, CASE WHEN excluded.deleted_at IS NULL THEN 'active' ELSE 'gone' END)

=== template upsert do nothing
INSERT INTO users (id, name, email, status) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING
--- params: 3, 'x', 'u3@example.com', 'vip'
--- declared
INSERT INTO users (id, name, email) VALUES (?, ?, ?) ON CONFLICT DO NOTHING
--- declared map: 1,2,3,0
--- expanded
INSERT INTO users (id, name, email) VALUES (?, ?, ?) ON CONFLICT DO NOTHING
--- expanded map: 1,2,3,0
--- backfilling
= unchanged

=== template select with join and alias
SELECT u.id, u.status AS user_status, o.status AS order_status FROM users u JOIN orders o ON o.user_id = u.id WHERE u.id = ? ORDER BY o.id
--- params: 5
--- declared
SELECT u.id, CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS user_status, o.status AS order_status FROM users u JOIN orders o ON o.user_id = u.id WHERE u.id = ? ORDER BY o.id
--- expanded
SELECT u.id, COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS user_status, o.status AS order_status FROM users u JOIN orders o ON o.user_id = u.id WHERE u.id = ? ORDER BY o.id
--- backfilling
SELECT u.id, COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS user_status, o.status AS order_status FROM users u JOIN orders o ON o.user_id = u.id WHERE u.id = ? ORDER BY o.id

=== template select for update
SELECT id, status FROM users WHERE id = ? FOR UPDATE
--- params: 11
--- declared
SELECT id, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users WHERE id = ? FOR UPDATE
--- expanded
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE id = ? FOR UPDATE
--- backfilling
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE id = ? FOR UPDATE

=== template select skip locked
SELECT id, status FROM users WHERE status = ? ORDER BY id LIMIT 3 FOR UPDATE SKIP LOCKED
--- params: 'active'
--- declared
SELECT id, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ? ORDER BY id LIMIT 3 FOR UPDATE SKIP LOCKED
--- expanded
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? ORDER BY id LIMIT 3 FOR UPDATE SKIP LOCKED
--- backfilling
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? ORDER BY id LIMIT 3 FOR UPDATE SKIP LOCKED

=== template exists
SELECT EXISTS (SELECT 1 FROM users WHERE status = ? AND id = ?)
--- params: 'active', 1
--- declared
SELECT EXISTS (SELECT 1 FROM users WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ? AND id = ?)
--- expanded
SELECT EXISTS (SELECT 1 FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? AND id = ?)
--- backfilling
SELECT EXISTS (SELECT 1 FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? AND id = ?)

=== template max id by status
SELECT max(id) FROM users WHERE status = ?
--- params: 'gone'
--- declared
SELECT max(id) FROM users WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ?
--- expanded
SELECT max(id) FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?
--- backfilling
SELECT max(id) FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?

=== template pagination with count over
SELECT id, status, count(*) OVER () AS total FROM users WHERE status <> ? ORDER BY id LIMIT ? OFFSET ?
--- params: 'vip', 5, 0
--- declared
SELECT id, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status, count(*) OVER () AS total FROM users WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) <> ? ORDER BY id LIMIT ? OFFSET ?
--- expanded
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, count(*) OVER () AS total FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) <> ? ORDER BY id LIMIT ? OFFSET ?
--- backfilling
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, count(*) OVER () AS total FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) <> ? ORDER BY id LIMIT ? OFFSET ?

=== template row mapper qualified
SELECT users.id, users.status FROM users WHERE users.id = ?
--- params: 12
--- declared
SELECT users.id, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users WHERE users.id = ?
--- expanded
SELECT users.id, COALESCE(users.status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE users.id = ?
--- backfilling
SELECT users.id, COALESCE(users.status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE users.id = ?

=== template schema qualified
SELECT u.id, u.status FROM public.users u WHERE u.id = ?
--- params: 13
--- declared
SELECT u.id, CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM public.users u WHERE u.id = ?
--- expanded
SELECT u.id, COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM public.users u WHERE u.id = ?
--- backfilling
SELECT u.id, COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM public.users u WHERE u.id = ?

=== template schema qualified column
SELECT public.users.id, public.users.status FROM public.users WHERE public.users.id = ?
--- params: 14
--- declared
SELECT public.users.id, CAST(CASE WHEN public.users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM public.users WHERE public.users.id = ?
--- expanded
SELECT public.users.id, COALESCE(public.users.status, CASE WHEN public.users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM public.users WHERE public.users.id = ?
--- backfilling
SELECT public.users.id, COALESCE(public.users.status, CASE WHEN public.users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM public.users WHERE public.users.id = ?

=== template status to upper
SELECT id, upper(status) AS status_upper FROM users ORDER BY id
--- declared
SELECT id, upper(CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)) AS status_upper FROM users ORDER BY id
--- expanded
SELECT id, upper(COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) AS status_upper FROM users ORDER BY id
--- backfilling
SELECT id, upper(COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) AS status_upper FROM users ORDER BY id

=== template status not distinct
SELECT id FROM users WHERE status IS NOT DISTINCT FROM ? ORDER BY id
--- params: 'gone'
--- declared
SELECT id FROM users WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) IS NOT DISTINCT FROM ? ORDER BY id
--- expanded
SELECT id FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) IS NOT DISTINCT FROM ? ORDER BY id
--- backfilling
SELECT id FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) IS NOT DISTINCT FROM ? ORDER BY id

=== template keyset page
SELECT id, status FROM users WHERE (status, id) > (?, ?) ORDER BY status, id LIMIT 5
--- params: 'active', 3
--- declared
SELECT id, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users WHERE (CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text), id) > (?, ?) ORDER BY status, id LIMIT 5
--- expanded
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE (COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END), id) > (?, ?) ORDER BY status, id LIMIT 5
--- backfilling
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE (COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END), id) > (?, ?) ORDER BY status, id LIMIT 5

=== template returning after update
UPDATE users SET balance = balance + ? WHERE id = ? RETURNING id, balance, status
--- params: 1.00, 15
--- declared
UPDATE users SET balance = balance + ? WHERE id = ? RETURNING id, balance, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status
--- expanded
UPDATE users SET balance = balance + ? WHERE id = ? RETURNING id, balance, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status
--- backfilling
UPDATE users SET balance = balance + ? WHERE id = ? RETURNING id, balance, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status

=== template delete returning
DELETE FROM tags WHERE id = ? RETURNING id, user_id
--- params: 1
--- declared
= unchanged
--- expanded
= unchanged
--- backfilling
= unchanged

