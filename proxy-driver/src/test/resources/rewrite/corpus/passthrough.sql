# Statements that name the migrating table but not the column, or the column of another table:
# they must come back unchanged in every phase (the pre-filter or the resolver lets them pass).

=== users by id without status
SELECT id, name FROM users WHERE id = ?
--- params: 1
--- declared
= unchanged
--- expanded
= unchanged
--- backfilling
= unchanged

=== users count
SELECT count(*) FROM users
--- declared
= unchanged
--- expanded
= unchanged
--- backfilling
= unchanged

=== orders status only
SELECT id, status FROM orders WHERE status = ? ORDER BY id
--- params: 'paid'
--- declared
= unchanged
--- expanded
= unchanged
--- backfilling
= unchanged

=== orders joined to users without status
SELECT o.id, o.status, u.name FROM orders o JOIN users u ON u.id = o.user_id WHERE o.status = ? ORDER BY o.id
--- params: 'open'
--- declared
= unchanged
--- expanded
= unchanged
--- backfilling
= unchanged

=== orders status qualified
SELECT orders.status FROM users JOIN orders ON orders.user_id = users.id WHERE users.id = ? ORDER BY orders.id
--- params: 2
--- declared
= unchanged
--- expanded
= unchanged
--- backfilling
= unchanged

=== insert without status
INSERT INTO users (id, name, email) VALUES (?, ?, ?)
--- params: 1200, 'p', 'p200@example.com'
--- declared
= unchanged
--- expanded
= unchanged
--- backfilling
= unchanged

=== update without status
UPDATE users SET name = ? WHERE id = ?
--- params: 'p', 1
--- declared
= unchanged
--- expanded
= unchanged
--- backfilling
= unchanged

=== delete without status
DELETE FROM users WHERE id = ?
--- params: 1200
--- declared
= unchanged
--- expanded
= unchanged
--- backfilling
= unchanged

=== string literal mentioning status
SELECT id, 'status' AS label FROM users WHERE name <> 'status' ORDER BY id
--- declared
= unchanged
--- expanded
= unchanged
--- backfilling
= unchanged

=== orders status in subquery of users
SELECT id FROM users WHERE id IN (SELECT user_id FROM orders WHERE status = 'paid') ORDER BY id
--- declared
= unchanged
--- expanded
= unchanged
--- backfilling
= unchanged

=== tags only
SELECT label FROM tags WHERE user_id = ? ORDER BY id
--- params: 3
--- declared
= unchanged
--- expanded
= unchanged
--- backfilling
= unchanged

=== orders aggregate by status
SELECT status, sum(total) FROM orders GROUP BY status ORDER BY status
--- declared
= unchanged
--- expanded
= unchanged
--- backfilling
= unchanged

=== users name like
SELECT id FROM users WHERE name LIKE ? ORDER BY id
--- params: 'user 1%'
--- declared
= unchanged
--- expanded
= unchanged
--- backfilling
= unchanged

=== derived column named status from orders
SELECT d.status FROM (SELECT o.status FROM orders o WHERE o.id < 3) d ORDER BY 1
--- declared
= unchanged
--- expanded
= unchanged
--- backfilling
= unchanged

=== cte named column status from orders
WITH s AS (SELECT status FROM orders) SELECT count(*) FROM s WHERE status = 'paid'
--- declared
= unchanged
--- expanded
= unchanged
--- backfilling
= unchanged

=== users star in exists
SELECT o.id FROM orders o WHERE EXISTS (SELECT * FROM users u WHERE u.id = o.user_id) ORDER BY o.id
--- declared
= unchanged
--- expanded
= unchanged
--- backfilling
= unchanged

=== users balance update
UPDATE users SET balance = balance + 1 WHERE id = ?
--- params: 2
--- declared
= unchanged
--- expanded
= unchanged
--- backfilling
= unchanged

=== users joined to tags
SELECT u.id, t.label FROM users u JOIN tags t ON t.user_id = u.id ORDER BY t.id
--- declared
= unchanged
--- expanded
= unchanged
--- backfilling
= unchanged

=== insert tag select users
INSERT INTO tags (id, user_id, label) SELECT id + 700, id, name FROM users WHERE id < 3
--- declared
= unchanged
--- expanded
= unchanged
--- backfilling
= unchanged

=== orders note update by status
UPDATE orders SET note = ? WHERE status = ?
--- params: 'n', 'open'
--- declared
= unchanged
--- expanded
= unchanged
--- backfilling
= unchanged

=== users email unique check
SELECT 1 FROM users WHERE email = ?
--- params: 'u1@example.com'
--- declared
= unchanged
--- expanded
= unchanged
--- backfilling
= unchanged

=== user ids union orders users
SELECT id FROM users UNION SELECT user_id FROM orders ORDER BY 1
--- declared
= unchanged
--- expanded
= unchanged
--- backfilling
= unchanged

=== sum balances
SELECT sum(balance) FROM users WHERE deleted_at IS NULL
--- declared
= unchanged
--- expanded
= unchanged
--- backfilling
= unchanged

=== users order by name
SELECT name FROM users ORDER BY name LIMIT 3
--- declared
= unchanged
--- expanded
= unchanged
--- backfilling
= unchanged

=== orders status alias of users table
SELECT o.status AS status FROM orders o WHERE o.user_id IN (SELECT id FROM users) ORDER BY o.id
--- declared
= unchanged
--- expanded
= unchanged
--- backfilling
= unchanged

