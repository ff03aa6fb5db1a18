# MyBatis mapper SQL: hand-written XML statements after dynamic SQL (<where>, <if>, <foreach>, <set>) ran.

=== select by id
SELECT id, name, email, status, balance
        FROM users
        WHERE id = ?
--- params: 1
--- declared
SELECT id, name, email, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status, balance
        FROM users
        WHERE id = ?
--- expanded
SELECT id, name, email, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, balance
        FROM users
        WHERE id = ?
--- backfilling
SELECT id, name, email, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, balance
        FROM users
        WHERE id = ?

=== select with result map columns
SELECT u.id AS user_id, u.name AS user_name, u.status AS user_status FROM users u WHERE u.id = ?
--- params: 2
--- declared
SELECT u.id AS user_id, u.name AS user_name, CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS user_status FROM users u WHERE u.id = ?
--- expanded
SELECT u.id AS user_id, u.name AS user_name, COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS user_status FROM users u WHERE u.id = ?
--- backfilling
SELECT u.id AS user_id, u.name AS user_name, COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS user_status FROM users u WHERE u.id = ?

=== dynamic where status only
SELECT id, status FROM users
     WHERE status = ?
     ORDER BY id
--- params: 'active'
--- declared
SELECT id, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users
     WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ?
     ORDER BY id
--- expanded
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users
     WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?
     ORDER BY id
--- backfilling
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users
     WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?
     ORDER BY id

=== dynamic where name and status
SELECT id, status FROM users
     WHERE name LIKE ?
       AND status = ?
     ORDER BY id
--- params: 'user%', 'active'
--- declared
SELECT id, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users
     WHERE name LIKE ?
       AND CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ?
     ORDER BY id
--- expanded
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users
     WHERE name LIKE ?
       AND COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?
     ORDER BY id
--- backfilling
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users
     WHERE name LIKE ?
       AND COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?
     ORDER BY id

=== where one equals one
SELECT id FROM users WHERE 1=1 AND status = ? AND balance >= ? ORDER BY id
--- params: 'active', 0
--- declared
SELECT id FROM users WHERE 1=1 AND CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ? AND balance >= ? ORDER BY id
--- expanded
SELECT id FROM users WHERE 1=1 AND COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? AND balance >= ? ORDER BY id
--- backfilling
SELECT id FROM users WHERE 1=1 AND COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? AND balance >= ? ORDER BY id

=== foreach in list
SELECT id, status FROM users WHERE status IN ( ? , ? , ? ) ORDER BY id
--- params: 'active', 'gone', 'vip'
--- declared
SELECT id, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) IN ( ? , ? , ? ) ORDER BY id
--- expanded
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) IN ( ? , ? , ? ) ORDER BY id
--- backfilling
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) IN ( ? , ? , ? ) ORDER BY id

=== foreach ids
SELECT id, status FROM users WHERE id IN
        ( ? , ? )
--- params: 3, 4
--- declared
SELECT id, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users WHERE id IN
        ( ? , ? )
--- expanded
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE id IN
        ( ? , ? )
--- backfilling
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE id IN
        ( ? , ? )

=== choose when otherwise
SELECT id FROM users WHERE deleted_at IS NULL AND status = 'active' ORDER BY id
--- declared
SELECT id FROM users WHERE deleted_at IS NULL AND CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = 'active' ORDER BY id
--- expanded
SELECT id FROM users WHERE deleted_at IS NULL AND COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = 'active' ORDER BY id
--- backfilling
SELECT id FROM users WHERE deleted_at IS NULL AND COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = 'active' ORDER BY id

=== limit offset paging
SELECT id, name, status FROM users ORDER BY id LIMIT ? OFFSET ?
--- params: 5, 10
--- declared
SELECT id, name, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users ORDER BY id LIMIT ? OFFSET ?
--- expanded
SELECT id, name, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users ORDER BY id LIMIT ? OFFSET ?
--- backfilling
SELECT id, name, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users ORDER BY id LIMIT ? OFFSET ?

=== order by status
SELECT id, name, status FROM users ORDER BY status DESC, id ASC
--- declared
SELECT id, name, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users ORDER BY status DESC, id ASC
--- expanded
SELECT id, name, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users ORDER BY status DESC, id ASC
--- backfilling
SELECT id, name, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users ORDER BY status DESC, id ASC

=== count with where
SELECT COUNT(1) FROM users WHERE status = ?
--- params: 'gone'
--- declared
SELECT COUNT(1) FROM users WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ?
--- expanded
SELECT COUNT(1) FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?
--- backfilling
SELECT COUNT(1) FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?

=== association join
SELECT u.id, u.status, o.id AS order_id, o.status AS order_status, o.total
        FROM users u
        LEFT JOIN orders o ON o.user_id = u.id
        WHERE u.id = ?
        ORDER BY o.id
--- params: 6
--- declared
SELECT u.id, CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status, o.id AS order_id, o.status AS order_status, o.total
        FROM users u
        LEFT JOIN orders o ON o.user_id = u.id
        WHERE u.id = ?
        ORDER BY o.id
--- expanded
SELECT u.id, COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, o.id AS order_id, o.status AS order_status, o.total
        FROM users u
        LEFT JOIN orders o ON o.user_id = u.id
        WHERE u.id = ?
        ORDER BY o.id
--- backfilling
SELECT u.id, COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, o.id AS order_id, o.status AS order_status, o.total
        FROM users u
        LEFT JOIN orders o ON o.user_id = u.id
        WHERE u.id = ?
        ORDER BY o.id

=== collection join with tags
SELECT u.id, u.status, t.label FROM users u INNER JOIN tags t ON t.user_id = u.id WHERE u.status = ? ORDER BY u.id, t.id
--- params: 'active'
--- declared
SELECT u.id, CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status, t.label FROM users u INNER JOIN tags t ON t.user_id = u.id WHERE CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ? ORDER BY u.id, t.id
--- expanded
SELECT u.id, COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, t.label FROM users u INNER JOIN tags t ON t.user_id = u.id WHERE COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? ORDER BY u.id, t.id
--- backfilling
SELECT u.id, COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, t.label FROM users u INNER JOIN tags t ON t.user_id = u.id WHERE COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? ORDER BY u.id, t.id

=== insert with status
INSERT INTO users (id, name, email, status)
        VALUES (?, ?, ?, ?)
--- params: 1020, 'mb', 'mb@example.com', 'vip'
--- declared
INSERT INTO users (id, name, email)
        VALUES (?, ?, ?)
--- declared map: 1,2,3,0
--- expanded
INSERT INTO users (id, name, email)
        VALUES (?, ?, ?)
--- expanded map: 1,2,3,0
--- backfilling
= unchanged

=== insert selective without status
INSERT INTO users ( id, name, email ) VALUES ( ?, ?, ? )
--- params: 1021, 'mb', 'mb21@example.com'
--- declared
= unchanged
--- expanded
= unchanged
--- backfilling
= unchanged

=== insert selective with status
INSERT INTO users ( id, name, email, status ) VALUES ( ?, ?, ?, ? )
--- params: 1022, 'mb', 'mb22@example.com', 'gone'
--- declared
INSERT INTO users ( id, name, email ) VALUES ( ?, ?, ? )
--- declared map: 1,2,3,0
--- expanded
INSERT INTO users ( id, name, email ) VALUES ( ?, ?, ? )
--- expanded map: 1,2,3,0
--- backfilling
= unchanged

=== foreach batch insert
INSERT INTO users (id, name, email, status) VALUES
        (?, ?, ?, ?)
       ,
        (?, ?, ?, ?)
       ,
        (?, ?, ?, ?)
--- params: 1023, 'a', 'a23@example.com', 'vip', 1024, 'b', 'b24@example.com', 'gone', 1025, 'c', 'c25@example.com', 'active'
--- declared
INSERT INTO users (id, name, email) VALUES
        (?, ?, ?)
       ,
        (?, ?, ?)
       ,
        (?, ?, ?)
--- declared map: 1,2,3,0,4,5,6,0,7,8,9,0
--- expanded
INSERT INTO users (id, name, email) VALUES
        (?, ?, ?)
       ,
        (?, ?, ?)
       ,
        (?, ?, ?)
--- expanded map: 1,2,3,0,4,5,6,0,7,8,9,0
--- backfilling
= unchanged

=== batch insert literal status
INSERT INTO users (id, name, email, status) VALUES (1026, 'a', 'a26@example.com', 'vip'), (1027, 'b', 'b27@example.com', 'gone')
--- declared
INSERT INTO users (id, name, email) VALUES (1026, 'a', 'a26@example.com'), (1027, 'b', 'b27@example.com')
--- expanded
INSERT INTO users (id, name, email) VALUES (1026, 'a', 'a26@example.com'), (1027, 'b', 'b27@example.com')
--- backfilling
= unchanged

=== update set dynamic
UPDATE users
     SET name = ?,
         status = ?
     WHERE id = ?
--- params: 'x', 'vip', 7
--- declared
UPDATE users
     SET name = ?
     WHERE id = ?
--- declared map: 1,0,2
--- expanded
UPDATE users
     SET name = ?
     WHERE id = ?
--- expanded map: 1,0,2
--- backfilling
= unchanged

=== update set dynamic status last
UPDATE users SET name = ?, email = ?, status = ? WHERE id = ?
--- params: 'x', 'u8@example.com', 'vip', 8
--- declared
UPDATE users SET name = ?, email = ? WHERE id = ?
--- declared map: 1,2,0,3
--- expanded
UPDATE users SET name = ?, email = ? WHERE id = ?
--- expanded map: 1,2,0,3
--- backfilling
= unchanged

=== update set status only
UPDATE users
     SET status = ?
     WHERE id = ?
--- params: 'gone', 9
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

=== update set status where in
UPDATE users SET status = ? WHERE id IN ( ? , ? )
--- params: 'vip', 1, 2
--- declared
SELECT count(*) FROM users WHERE id IN ( ? , ? )
--- declared map: 0,1,2
--- declared count
--- expanded
SELECT count(*) FROM users WHERE id IN ( ? , ? )
--- expanded map: 0,1,2
--- expanded count
--- backfilling
= unchanged

=== update balance where status
UPDATE users SET balance = balance * 2 WHERE status = ?
--- params: 'vip'
--- declared
UPDATE users SET balance = balance * 2 WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ?
--- expanded
UPDATE users SET balance = balance * 2 WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?
--- backfilling
UPDATE users SET balance = balance * 2 WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?

=== delete by status
DELETE FROM tags WHERE user_id IN (SELECT id FROM users WHERE status = ?)
--- params: 'none'
--- declared
DELETE FROM tags WHERE user_id IN (SELECT id FROM users WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ?)
--- expanded
DELETE FROM tags WHERE user_id IN (SELECT id FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?)
--- backfilling
DELETE FROM tags WHERE user_id IN (SELECT id FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?)

=== select with sql fragment
SELECT /* Base_Column_List */ id, name, email, status, balance FROM users WHERE id = ?
--- params: 10
--- declared
SELECT /* Base_Column_List */ id, name, email, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status, balance FROM users WHERE id = ?
--- expanded
SELECT /* Base_Column_List */ id, name, email, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, balance FROM users WHERE id = ?
--- backfilling
SELECT /* Base_Column_List */ id, name, email, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, balance FROM users WHERE id = ?

=== select with line comment
SELECT id, -- keep
       status -- the new column
  FROM users
 WHERE id = ? -- by key
--- params: 11
--- declared
SELECT id, -- keep
       CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status -- the new column
  FROM users
 WHERE id = ? -- by key
--- expanded
SELECT id, -- keep
       COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status -- the new column
  FROM users
 WHERE id = ? -- by key
--- backfilling
SELECT id, -- keep
       COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status -- the new column
  FROM users
 WHERE id = ? -- by key

=== select with hint comment
SELECT /*+ SeqScan(users) */ id, status FROM users WHERE status = ? ORDER BY id
--- params: 'active'
--- declared
SELECT /*+ SeqScan(users) */ id, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ? ORDER BY id
--- expanded
SELECT /*+ SeqScan(users) */ id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? ORDER BY id
--- backfilling
SELECT /*+ SeqScan(users) */ id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? ORDER BY id

=== select status to map
SELECT status AS "status", count(*) AS "cnt" FROM users GROUP BY status ORDER BY status
--- declared
SELECT CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS "status", count(*) AS "cnt" FROM users GROUP BY CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) ORDER BY status
--- expanded
SELECT COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status", count(*) AS "cnt" FROM users GROUP BY COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) ORDER BY status
--- backfilling
SELECT COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status", count(*) AS "cnt" FROM users GROUP BY COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) ORDER BY status

=== select with bind in like concat
SELECT id FROM users WHERE status LIKE '%' || ? || '%' ORDER BY id
--- params: 'iv'
--- declared
SELECT id FROM users WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) LIKE '%' || ? || '%' ORDER BY id
--- expanded
SELECT id FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) LIKE '%' || ? || '%' ORDER BY id
--- backfilling
SELECT id FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) LIKE '%' || ? || '%' ORDER BY id

=== select with case in order
SELECT id, status FROM users ORDER BY CASE WHEN status = ? THEN 0 ELSE 1 END, id
--- params: 'vip'
--- declared
SELECT id, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users ORDER BY CASE WHEN CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ? THEN 0 ELSE 1 END, id
--- expanded
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users ORDER BY CASE WHEN COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? THEN 0 ELSE 1 END, id
--- backfilling
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users ORDER BY CASE WHEN COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? THEN 0 ELSE 1 END, id

=== select sum by status
SELECT status, SUM(balance) AS total FROM users WHERE deleted_at IS NULL GROUP BY status HAVING SUM(balance) > ? ORDER BY status
--- params: 0
--- declared
SELECT CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status, SUM(balance) AS total FROM users WHERE deleted_at IS NULL GROUP BY CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) HAVING SUM(balance) > ? ORDER BY status
--- expanded
SELECT COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, SUM(balance) AS total FROM users WHERE deleted_at IS NULL GROUP BY COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) HAVING SUM(balance) > ? ORDER BY status
--- backfilling
SELECT COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, SUM(balance) AS total FROM users WHERE deleted_at IS NULL GROUP BY COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) HAVING SUM(balance) > ? ORDER BY status

=== select nested result
SELECT u.id, u.status, (SELECT COUNT(*) FROM orders o WHERE o.user_id = u.id) AS orders FROM users u WHERE u.status = ? ORDER BY u.id
--- params: 'active'
--- declared
SELECT u.id, CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status, (SELECT COUNT(*) FROM orders o WHERE o.user_id = u.id) AS orders FROM users u WHERE CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ? ORDER BY u.id
--- expanded
SELECT u.id, COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, (SELECT COUNT(*) FROM orders o WHERE o.user_id = u.id) AS orders FROM users u WHERE COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? ORDER BY u.id
--- backfilling
SELECT u.id, COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status, (SELECT COUNT(*) FROM orders o WHERE o.user_id = u.id) AS orders FROM users u WHERE COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? ORDER BY u.id

=== select typehandler cast
SELECT id, status::text AS status_text FROM users WHERE id = ?
--- params: 12
--- declared
SELECT id, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)::text AS status_text FROM users WHERE id = ?
--- expanded
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)::text AS status_text FROM users WHERE id = ?
--- backfilling
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)::text AS status_text FROM users WHERE id = ?

=== select double colon cast compare
SELECT id FROM users WHERE status::varchar = ?::varchar ORDER BY id
--- params: 'vip'
--- declared
SELECT id FROM users WHERE CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)::varchar = ?::varchar ORDER BY id
--- expanded
SELECT id FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)::varchar = ?::varchar ORDER BY id
--- backfilling
SELECT id FROM users WHERE COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)::varchar = ?::varchar ORDER BY id

=== select for share
SELECT id, status FROM users WHERE id = ? FOR SHARE
--- params: 13
--- declared
SELECT id, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users WHERE id = ? FOR SHARE
--- expanded
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE id = ? FOR SHARE
--- backfilling
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE id = ? FOR SHARE

=== select from orders by user status
SELECT o.id, o.total FROM orders o, users u WHERE o.user_id = u.id AND u.status = ? ORDER BY o.id
--- params: 'gone'
--- declared
SELECT o.id, o.total FROM orders o, users u WHERE o.user_id = u.id AND CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ? ORDER BY o.id
--- expanded
SELECT o.id, o.total FROM orders o, users u WHERE o.user_id = u.id AND COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? ORDER BY o.id
--- backfilling
SELECT o.id, o.total FROM orders o, users u WHERE o.user_id = u.id AND COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? ORDER BY o.id

=== implicit join status filter
SELECT u.id, o.status FROM users u, orders o WHERE u.id = o.user_id AND u.status <> o.status ORDER BY u.id, o.id
--- declared
SELECT u.id, o.status FROM users u, orders o WHERE u.id = o.user_id AND CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) <> o.status ORDER BY u.id, o.id
--- expanded
SELECT u.id, o.status FROM users u, orders o WHERE u.id = o.user_id AND COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) <> o.status ORDER BY u.id, o.id
--- backfilling
SELECT u.id, o.status FROM users u, orders o WHERE u.id = o.user_id AND COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) <> o.status ORDER BY u.id, o.id

=== select trim status
SELECT id FROM users WHERE TRIM(status) <> '' ORDER BY id
--- declared
SELECT id FROM users WHERE TRIM(CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)) <> '' ORDER BY id
--- expanded
SELECT id FROM users WHERE TRIM(COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) <> '' ORDER BY id
--- backfilling
SELECT id FROM users WHERE TRIM(COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) <> '' ORDER BY id

=== select cursor style
SELECT id, status FROM users WHERE id > ? ORDER BY id LIMIT 3
--- params: 15
--- declared
SELECT id, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status FROM users WHERE id > ? ORDER BY id LIMIT 3
--- expanded
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE id > ? ORDER BY id LIMIT 3
--- backfilling
SELECT id, COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status FROM users WHERE id > ? ORDER BY id LIMIT 3

