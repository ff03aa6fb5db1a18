# Hibernate 6 / JPA generated SQL: entity User(users) with the new attribute "status",
# Order(orders) with its own "status", Tag(tags). Aliases follow Hibernate's u1_0 / o1_0 scheme.

=== find by id
select u1_0.id,u1_0.balance,u1_0.created_at,u1_0.deleted_at,u1_0.email,u1_0.name,u1_0.profile,u1_0.status,u1_0.version from users u1_0 where u1_0.id=?
--- params: 3
--- declared
select u1_0.id,u1_0.balance,u1_0.created_at,u1_0.deleted_at,u1_0.email,u1_0.name,u1_0.profile,CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status,u1_0.version from users u1_0 where u1_0.id=?
--- expanded
select u1_0.id,u1_0.balance,u1_0.created_at,u1_0.deleted_at,u1_0.email,u1_0.name,u1_0.profile,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status,u1_0.version from users u1_0 where u1_0.id=?
--- backfilling
select u1_0.id,u1_0.balance,u1_0.created_at,u1_0.deleted_at,u1_0.email,u1_0.name,u1_0.profile,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status,u1_0.version from users u1_0 where u1_0.id=?

=== find all by ids
select u1_0.id,u1_0.email,u1_0.name,u1_0.status from users u1_0 where u1_0.id in (?,?,?)
--- params: 1, 2, 5
--- declared
select u1_0.id,u1_0.email,u1_0.name,CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status from users u1_0 where u1_0.id in (?,?,?)
--- expanded
select u1_0.id,u1_0.email,u1_0.name,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status from users u1_0 where u1_0.id in (?,?,?)
--- backfilling
select u1_0.id,u1_0.email,u1_0.name,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status from users u1_0 where u1_0.id in (?,?,?)

=== find by status
select u1_0.id,u1_0.name,u1_0.status from users u1_0 where u1_0.status=? order by u1_0.id
--- params: 'active'
--- declared
select u1_0.id,u1_0.name,CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status from users u1_0 where CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)=? order by u1_0.id
--- expanded
select u1_0.id,u1_0.name,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status from users u1_0 where COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=? order by u1_0.id
--- backfilling
select u1_0.id,u1_0.name,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status from users u1_0 where COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=? order by u1_0.id

=== find by status not
select u1_0.id,u1_0.status from users u1_0 where u1_0.status<>? order by u1_0.id
--- params: 'active'
--- declared
select u1_0.id,CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status from users u1_0 where CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)<>? order by u1_0.id
--- expanded
select u1_0.id,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status from users u1_0 where COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)<>? order by u1_0.id
--- backfilling
select u1_0.id,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status from users u1_0 where COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)<>? order by u1_0.id

=== find by status in
select u1_0.id from users u1_0 where u1_0.status in (?,?) order by u1_0.id
--- params: 'active', 'vip'
--- declared
select u1_0.id from users u1_0 where CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) in (?,?) order by u1_0.id
--- expanded
select u1_0.id from users u1_0 where COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) in (?,?) order by u1_0.id
--- backfilling
select u1_0.id from users u1_0 where COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) in (?,?) order by u1_0.id

=== find by status is null
select u1_0.id from users u1_0 where u1_0.status is null order by u1_0.id
--- declared
select u1_0.id from users u1_0 where CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) is null order by u1_0.id
--- expanded
select u1_0.id from users u1_0 where COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) is null order by u1_0.id
--- backfilling
select u1_0.id from users u1_0 where COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) is null order by u1_0.id

=== find by status is not null count
select count(u1_0.id) from users u1_0 where u1_0.status is not null
--- declared
select count(u1_0.id) from users u1_0 where CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) is not null
--- expanded
select count(u1_0.id) from users u1_0 where COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) is not null
--- backfilling
select count(u1_0.id) from users u1_0 where COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) is not null

=== find by status like
select u1_0.id,u1_0.status from users u1_0 where u1_0.status like ? escape '\' order by u1_0.id
--- params: 'act%'
--- declared
select u1_0.id,CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status from users u1_0 where CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) like ? escape '\' order by u1_0.id
--- expanded
select u1_0.id,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status from users u1_0 where COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) like ? escape '\' order by u1_0.id
--- backfilling
select u1_0.id,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status from users u1_0 where COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) like ? escape '\' order by u1_0.id

=== find by status ignore case
select u1_0.id from users u1_0 where upper(u1_0.status)=upper(?) order by u1_0.id
--- params: 'Active'
--- declared
select u1_0.id from users u1_0 where upper(CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text))=upper(?) order by u1_0.id
--- expanded
select u1_0.id from users u1_0 where upper(COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END))=upper(?) order by u1_0.id
--- backfilling
select u1_0.id from users u1_0 where upper(COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END))=upper(?) order by u1_0.id

=== find by name and status
select u1_0.id,u1_0.name,u1_0.status from users u1_0 where u1_0.name=? and u1_0.status=?
--- params: 'user 4', 'active'
--- declared
select u1_0.id,u1_0.name,CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status from users u1_0 where u1_0.name=? and CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)=?
--- expanded
select u1_0.id,u1_0.name,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status from users u1_0 where u1_0.name=? and COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=?
--- backfilling
select u1_0.id,u1_0.name,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status from users u1_0 where u1_0.name=? and COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=?

=== find by name or status
select u1_0.id from users u1_0 where u1_0.name=? or u1_0.status=? order by u1_0.id
--- params: 'user 4', 'vip'
--- declared
select u1_0.id from users u1_0 where u1_0.name=? or CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)=? order by u1_0.id
--- expanded
select u1_0.id from users u1_0 where u1_0.name=? or COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=? order by u1_0.id
--- backfilling
select u1_0.id from users u1_0 where u1_0.name=? or COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=? order by u1_0.id

=== page of users ordered by status
select u1_0.id,u1_0.name,u1_0.status from users u1_0 order by u1_0.status,u1_0.id offset ? rows fetch first ? rows only
--- params: 2, 5
--- declared
select u1_0.id,u1_0.name,CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status from users u1_0 order by CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text),u1_0.id offset ? rows fetch first ? rows only
--- expanded
select u1_0.id,u1_0.name,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status from users u1_0 order by COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END),u1_0.id offset ? rows fetch first ? rows only
--- backfilling
select u1_0.id,u1_0.name,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status from users u1_0 order by COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END),u1_0.id offset ? rows fetch first ? rows only

=== page of users ordered by status desc
select u1_0.id,u1_0.status from users u1_0 order by u1_0.status desc nulls last,u1_0.id fetch first ? rows only
--- params: 4
--- declared
select u1_0.id,CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status from users u1_0 order by CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) desc nulls last,u1_0.id fetch first ? rows only
--- expanded
select u1_0.id,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status from users u1_0 order by COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) desc nulls last,u1_0.id fetch first ? rows only
--- backfilling
select u1_0.id,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status from users u1_0 order by COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) desc nulls last,u1_0.id fetch first ? rows only

=== count by status
select count(u1_0.id) from users u1_0 where u1_0.status=?
--- params: 'active'
--- declared
select count(u1_0.id) from users u1_0 where CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)=?
--- expanded
select count(u1_0.id) from users u1_0 where COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=?
--- backfilling
select count(u1_0.id) from users u1_0 where COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=?

=== exists by status
select u1_0.id from users u1_0 where u1_0.status=? fetch first ? rows only
--- params: 'gone', 1
--- declared
select u1_0.id from users u1_0 where CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)=? fetch first ? rows only
--- expanded
select u1_0.id from users u1_0 where COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=? fetch first ? rows only
--- backfilling
select u1_0.id from users u1_0 where COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=? fetch first ? rows only

=== group by status
select u1_0.status,count(u1_0.id) from users u1_0 group by u1_0.status order by u1_0.status
--- declared
select CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status,count(u1_0.id) from users u1_0 group by CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) order by CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)
--- expanded
select COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status,count(u1_0.id) from users u1_0 group by COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) order by COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)
--- backfilling
select COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status,count(u1_0.id) from users u1_0 group by COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) order by COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)

=== group by status having
select u1_0.status,sum(u1_0.balance) from users u1_0 group by u1_0.status having count(*)>? order by 1
--- params: 1
--- declared
select CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status,sum(u1_0.balance) from users u1_0 group by CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) having count(*)>? order by 1
--- expanded
select COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status,sum(u1_0.balance) from users u1_0 group by COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) having count(*)>? order by 1
--- backfilling
select COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status,sum(u1_0.balance) from users u1_0 group by COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) having count(*)>? order by 1

=== distinct status
select distinct u1_0.status from users u1_0 order by u1_0.status
--- declared
select distinct CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status from users u1_0 order by CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)
--- expanded
select distinct COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status from users u1_0 order by COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)
--- backfilling
select distinct COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status from users u1_0 order by COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)

=== join orders by user status
select o1_0.id,o1_0.status,o1_0.total from orders o1_0 join users u1_0 on u1_0.id=o1_0.user_id where u1_0.status=? order by o1_0.id
--- params: 'active'
--- declared
select o1_0.id,o1_0.status,o1_0.total from orders o1_0 join users u1_0 on u1_0.id=o1_0.user_id where CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)=? order by o1_0.id
--- expanded
select o1_0.id,o1_0.status,o1_0.total from orders o1_0 join users u1_0 on u1_0.id=o1_0.user_id where COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=? order by o1_0.id
--- backfilling
select o1_0.id,o1_0.status,o1_0.total from orders o1_0 join users u1_0 on u1_0.id=o1_0.user_id where COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=? order by o1_0.id

=== left join orders with user status
select u1_0.id,u1_0.status,o1_0.id,o1_0.status from users u1_0 left join orders o1_0 on u1_0.id=o1_0.user_id where u1_0.id<? order by u1_0.id,o1_0.id
--- params: 4
--- declared
select u1_0.id,CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status,o1_0.id,o1_0.status from users u1_0 left join orders o1_0 on u1_0.id=o1_0.user_id where u1_0.id<? order by u1_0.id,o1_0.id
--- expanded
select u1_0.id,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status,o1_0.id,o1_0.status from users u1_0 left join orders o1_0 on u1_0.id=o1_0.user_id where u1_0.id<? order by u1_0.id,o1_0.id
--- backfilling
select u1_0.id,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status,o1_0.id,o1_0.status from users u1_0 left join orders o1_0 on u1_0.id=o1_0.user_id where u1_0.id<? order by u1_0.id,o1_0.id

=== fetch join tags
select u1_0.id,u1_0.name,u1_0.status,t1_0.user_id,t1_0.id,t1_0.label from users u1_0 left join tags t1_0 on u1_0.id=t1_0.user_id where u1_0.id=? order by t1_0.id
--- params: 2
--- declared
select u1_0.id,u1_0.name,CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status,t1_0.user_id,t1_0.id,t1_0.label from users u1_0 left join tags t1_0 on u1_0.id=t1_0.user_id where u1_0.id=? order by t1_0.id
--- expanded
select u1_0.id,u1_0.name,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status,t1_0.user_id,t1_0.id,t1_0.label from users u1_0 left join tags t1_0 on u1_0.id=t1_0.user_id where u1_0.id=? order by t1_0.id
--- backfilling
select u1_0.id,u1_0.name,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status,t1_0.user_id,t1_0.id,t1_0.label from users u1_0 left join tags t1_0 on u1_0.id=t1_0.user_id where u1_0.id=? order by t1_0.id

=== order status equals user status
select o1_0.id from orders o1_0 join users u1_0 on u1_0.id=o1_0.user_id where o1_0.status=u1_0.status order by o1_0.id
--- declared
select o1_0.id from orders o1_0 join users u1_0 on u1_0.id=o1_0.user_id where o1_0.status=CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) order by o1_0.id
--- expanded
select o1_0.id from orders o1_0 join users u1_0 on u1_0.id=o1_0.user_id where o1_0.status=COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) order by o1_0.id
--- backfilling
select o1_0.id from orders o1_0 join users u1_0 on u1_0.id=o1_0.user_id where o1_0.status=COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) order by o1_0.id

=== subquery in where
select u1_0.id from users u1_0 where u1_0.id in (select o1_0.user_id from orders o1_0 where o1_0.total>?) and u1_0.status=? order by u1_0.id
--- params: 50, 'active'
--- declared
select u1_0.id from users u1_0 where u1_0.id in (select o1_0.user_id from orders o1_0 where o1_0.total>?) and CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)=? order by u1_0.id
--- expanded
select u1_0.id from users u1_0 where u1_0.id in (select o1_0.user_id from orders o1_0 where o1_0.total>?) and COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=? order by u1_0.id
--- backfilling
select u1_0.id from users u1_0 where u1_0.id in (select o1_0.user_id from orders o1_0 where o1_0.total>?) and COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=? order by u1_0.id

=== exists subquery on orders
select u1_0.id,u1_0.status from users u1_0 where exists(select 1 from orders o1_0 where o1_0.user_id=u1_0.id and o1_0.status=?) order by u1_0.id
--- params: 'paid'
--- declared
select u1_0.id,CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status from users u1_0 where exists(select 1 from orders o1_0 where o1_0.user_id=u1_0.id and o1_0.status=?) order by u1_0.id
--- expanded
select u1_0.id,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status from users u1_0 where exists(select 1 from orders o1_0 where o1_0.user_id=u1_0.id and o1_0.status=?) order by u1_0.id
--- backfilling
select u1_0.id,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status from users u1_0 where exists(select 1 from orders o1_0 where o1_0.user_id=u1_0.id and o1_0.status=?) order by u1_0.id

=== not exists with user status
select u1_0.id from users u1_0 where not exists(select 1 from tags t1_0 where t1_0.user_id=u1_0.id) and u1_0.status<>? order by u1_0.id
--- params: 'vip'
--- declared
select u1_0.id from users u1_0 where not exists(select 1 from tags t1_0 where t1_0.user_id=u1_0.id) and CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)<>? order by u1_0.id
--- expanded
select u1_0.id from users u1_0 where not exists(select 1 from tags t1_0 where t1_0.user_id=u1_0.id) and COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)<>? order by u1_0.id
--- backfilling
select u1_0.id from users u1_0 where not exists(select 1 from tags t1_0 where t1_0.user_id=u1_0.id) and COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)<>? order by u1_0.id

=== case on status
select u1_0.id,case when u1_0.status=? then 1 else 0 end from users u1_0 order by u1_0.id
--- params: 'active'
--- declared
select u1_0.id,case when CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)=? then 1 else 0 end from users u1_0 order by u1_0.id
--- expanded
select u1_0.id,case when COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=? then 1 else 0 end from users u1_0 order by u1_0.id
--- backfilling
select u1_0.id,case when COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=? then 1 else 0 end from users u1_0 order by u1_0.id

=== coalesce on status
select u1_0.id,coalesce(u1_0.status,?) from users u1_0 order by u1_0.id
--- params: 'none'
--- declared
select u1_0.id,coalesce(CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text),?) from users u1_0 order by u1_0.id
--- expanded
select u1_0.id,coalesce(COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END),?) from users u1_0 order by u1_0.id
--- backfilling
select u1_0.id,coalesce(COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END),?) from users u1_0 order by u1_0.id

=== concat name and status
select u1_0.id,(u1_0.name||' '||u1_0.status) from users u1_0 where u1_0.id<=? order by u1_0.id
--- params: 3
--- declared
select u1_0.id,(u1_0.name||' '||CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)) from users u1_0 where u1_0.id<=? order by u1_0.id
--- expanded
select u1_0.id,(u1_0.name||' '||COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) from users u1_0 where u1_0.id<=? order by u1_0.id
--- backfilling
select u1_0.id,(u1_0.name||' '||COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) from users u1_0 where u1_0.id<=? order by u1_0.id

=== length of status
select u1_0.id,length(u1_0.status) from users u1_0 where length(u1_0.status)>? order by u1_0.id
--- params: 3
--- declared
select u1_0.id,length(CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)) from users u1_0 where length(CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text))>? order by u1_0.id
--- expanded
select u1_0.id,length(COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) from users u1_0 where length(COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END))>? order by u1_0.id
--- backfilling
select u1_0.id,length(COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) from users u1_0 where length(COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END))>? order by u1_0.id

=== projection dto
select u1_0.id,u1_0.name,u1_0.status,u1_0.balance from users u1_0 where u1_0.balance between ? and ? order by u1_0.id
--- params: 20.00, 120.00
--- declared
select u1_0.id,u1_0.name,CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status,u1_0.balance from users u1_0 where u1_0.balance between ? and ? order by u1_0.id
--- expanded
select u1_0.id,u1_0.name,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status,u1_0.balance from users u1_0 where u1_0.balance between ? and ? order by u1_0.id
--- backfilling
select u1_0.id,u1_0.name,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status,u1_0.balance from users u1_0 where u1_0.balance between ? and ? order by u1_0.id

=== tuple projection with order status
select u1_0.status,o1_0.status,count(*) from users u1_0 join orders o1_0 on u1_0.id=o1_0.user_id group by u1_0.status,o1_0.status order by 1,2
--- declared
select CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status,o1_0.status,count(*) from users u1_0 join orders o1_0 on u1_0.id=o1_0.user_id group by CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text),o1_0.status order by 1,2
--- expanded
select COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status,o1_0.status,count(*) from users u1_0 join orders o1_0 on u1_0.id=o1_0.user_id group by COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END),o1_0.status order by 1,2
--- backfilling
select COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status,o1_0.status,count(*) from users u1_0 join orders o1_0 on u1_0.id=o1_0.user_id group by COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END),o1_0.status order by 1,2

=== max balance by status
select u1_0.status,max(u1_0.balance),min(u1_0.balance),avg(u1_0.balance) from users u1_0 group by u1_0.status order by u1_0.status
--- declared
select CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status,max(u1_0.balance),min(u1_0.balance),avg(u1_0.balance) from users u1_0 group by CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) order by CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)
--- expanded
select COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status,max(u1_0.balance),min(u1_0.balance),avg(u1_0.balance) from users u1_0 group by COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) order by COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)
--- backfilling
select COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status,max(u1_0.balance),min(u1_0.balance),avg(u1_0.balance) from users u1_0 group by COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) order by COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)

=== deleted users with status
select u1_0.id,u1_0.status,u1_0.deleted_at from users u1_0 where u1_0.deleted_at is not null order by u1_0.id
--- declared
select u1_0.id,CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status,u1_0.deleted_at from users u1_0 where u1_0.deleted_at is not null order by u1_0.id
--- expanded
select u1_0.id,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status,u1_0.deleted_at from users u1_0 where u1_0.deleted_at is not null order by u1_0.id
--- backfilling
select u1_0.id,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status,u1_0.deleted_at from users u1_0 where u1_0.deleted_at is not null order by u1_0.id

=== soft delete filter and status
select u1_0.id,u1_0.status from users u1_0 where u1_0.deleted_at is null and u1_0.status=? order by u1_0.id
--- params: 'active'
--- declared
select u1_0.id,CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status from users u1_0 where u1_0.deleted_at is null and CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)=? order by u1_0.id
--- expanded
select u1_0.id,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status from users u1_0 where u1_0.deleted_at is null and COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=? order by u1_0.id
--- backfilling
select u1_0.id,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status from users u1_0 where u1_0.deleted_at is null and COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=? order by u1_0.id

=== jsonb profile and status
select u1_0.id,u1_0.status from users u1_0 where (u1_0.profile->>'plan')=? and u1_0.status is not null order by u1_0.id
--- params: 'free'
--- declared
select u1_0.id,CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status from users u1_0 where (u1_0.profile->>'plan')=? and CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) is not null order by u1_0.id
--- expanded
select u1_0.id,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status from users u1_0 where (u1_0.profile->>'plan')=? and COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) is not null order by u1_0.id
--- backfilling
select u1_0.id,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status from users u1_0 where (u1_0.profile->>'plan')=? and COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) is not null order by u1_0.id

=== status in subquery of orders
select o1_0.id from orders o1_0 where o1_0.user_id in (select u1_0.id from users u1_0 where u1_0.status=?) order by o1_0.id
--- params: 'gone'
--- declared
select o1_0.id from orders o1_0 where o1_0.user_id in (select u1_0.id from users u1_0 where CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)=?) order by o1_0.id
--- expanded
select o1_0.id from orders o1_0 where o1_0.user_id in (select u1_0.id from users u1_0 where COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=?) order by o1_0.id
--- backfilling
select o1_0.id from orders o1_0 where o1_0.user_id in (select u1_0.id from users u1_0 where COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=?) order by o1_0.id

=== scalar subquery status
select o1_0.id,(select u1_0.status from users u1_0 where u1_0.id=o1_0.user_id) from orders o1_0 where o1_0.id<? order by o1_0.id
--- params: 5
--- declared
select o1_0.id,(select CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status from users u1_0 where u1_0.id=o1_0.user_id) from orders o1_0 where o1_0.id<? order by o1_0.id
--- expanded
select o1_0.id,(select COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status from users u1_0 where u1_0.id=o1_0.user_id) from orders o1_0 where o1_0.id<? order by o1_0.id
--- backfilling
select o1_0.id,(select COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status from users u1_0 where u1_0.id=o1_0.user_id) from orders o1_0 where o1_0.id<? order by o1_0.id

=== count distinct status
select count(distinct u1_0.status) from users u1_0
--- declared
select count(distinct CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)) from users u1_0
--- expanded
select count(distinct COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) from users u1_0
--- backfilling
select count(distinct COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) from users u1_0

=== union of statuses
select u1_0.status from users u1_0 union select o1_0.status from orders o1_0 order by 1
--- declared
select CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status from users u1_0 union select o1_0.status from orders o1_0 order by 1
--- expanded
select COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status from users u1_0 union select o1_0.status from orders o1_0 order by 1
--- backfilling
select COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status from users u1_0 union select o1_0.status from orders o1_0 order by 1

=== optimistic version read
select u1_0.version,u1_0.status from users u1_0 where u1_0.id=?
--- params: 7
--- declared
select u1_0.version,CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status from users u1_0 where u1_0.id=?
--- expanded
select u1_0.version,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status from users u1_0 where u1_0.id=?
--- backfilling
select u1_0.version,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status from users u1_0 where u1_0.id=?

=== criteria with lower
select u1_0.id from users u1_0 where lower(u1_0.status) like lower(?) order by u1_0.id
--- params: '%ACT%'
--- declared
select u1_0.id from users u1_0 where lower(CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)) like lower(?) order by u1_0.id
--- expanded
select u1_0.id from users u1_0 where lower(COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) like lower(?) order by u1_0.id
--- backfilling
select u1_0.id from users u1_0 where lower(COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) like lower(?) order by u1_0.id

=== criteria with in list literal
select u1_0.id from users u1_0 where u1_0.status in ('active','gone') order by u1_0.id
--- declared
select u1_0.id from users u1_0 where CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) in ('active','gone') order by u1_0.id
--- expanded
select u1_0.id from users u1_0 where COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) in ('active','gone') order by u1_0.id
--- backfilling
select u1_0.id from users u1_0 where COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) in ('active','gone') order by u1_0.id

=== criteria with not in
select u1_0.id from users u1_0 where u1_0.status not in (?) order by u1_0.id
--- params: 'vip'
--- declared
select u1_0.id from users u1_0 where CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) not in (?) order by u1_0.id
--- expanded
select u1_0.id from users u1_0 where COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) not in (?) order by u1_0.id
--- backfilling
select u1_0.id from users u1_0 where COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) not in (?) order by u1_0.id

=== order by status then name
select u1_0.id,u1_0.name from users u1_0 order by u1_0.status,u1_0.name
--- declared
select u1_0.id,u1_0.name from users u1_0 order by CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text),u1_0.name
--- expanded
select u1_0.id,u1_0.name from users u1_0 order by COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END),u1_0.name
--- backfilling
select u1_0.id,u1_0.name from users u1_0 order by COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END),u1_0.name

=== sort by expression of status
select u1_0.id from users u1_0 order by case u1_0.status when 'vip' then 0 else 1 end,u1_0.id
--- declared
select u1_0.id from users u1_0 order by case CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) when 'vip' then 0 else 1 end,u1_0.id
--- expanded
select u1_0.id from users u1_0 order by case COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) when 'vip' then 0 else 1 end,u1_0.id
--- backfilling
select u1_0.id from users u1_0 order by case COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) when 'vip' then 0 else 1 end,u1_0.id

=== insert user
insert into users (balance,created_at,deleted_at,email,name,profile,status,version,id) values (?,?,?,?,?,cast(? as jsonb),?,?,?)
--- params: 10.00, ts:'2024-01-01T00:00:00Z', null, 'new@example.com', 'new user', '{}', 'vip', 0, 1001
--- declared
insert into users (balance,created_at,deleted_at,email,name,profile,version,id) values (?,?,?,?,?,cast(? as jsonb),?,?)
--- declared map: 1,2,3,4,5,6,0,7,8
--- expanded
insert into users (balance,created_at,deleted_at,email,name,profile,version,id) values (?,?,?,?,?,cast(? as jsonb),?,?)
--- expanded map: 1,2,3,4,5,6,0,7,8
--- backfilling
= unchanged

=== insert user without status
insert into users (balance,created_at,deleted_at,email,name,profile,version,id) values (?,?,?,?,?,cast(? as jsonb),?,?)
--- params: 10.00, ts:'2024-01-01T00:00:00Z', null, 'new@example.com', 'new user', '{}', 0, 1002
--- declared
= unchanged
--- expanded
= unchanged
--- backfilling
= unchanged

=== insert tag
insert into tags (label,user_id,id) values (?,?,?)
--- params: 'x', 1, 1001
--- declared
= unchanged
--- expanded
= unchanged
--- backfilling
= unchanged

=== update user all columns
update users set balance=?,created_at=?,deleted_at=?,email=?,name=?,profile=cast(? as jsonb),status=?,version=? where id=? and version=?
--- params: 11.00, ts:'2024-01-01T00:00:00Z', null, 'u1@example.com', 'renamed', '{}', 'vip', 1, 1, 0
--- declared
update users set balance=?,created_at=?,deleted_at=?,email=?,name=?,profile=cast(? as jsonb),version=? where id=? and version=?
--- declared map: 1,2,3,4,5,6,0,7,8,9
--- expanded
update users set balance=?,created_at=?,deleted_at=?,email=?,name=?,profile=cast(? as jsonb),version=? where id=? and version=?
--- expanded map: 1,2,3,4,5,6,0,7,8,9
--- backfilling
= unchanged

=== update user status only
update users set status=?,version=? where id=? and version=?
--- params: 'vip', 1, 2, 0
--- declared
update users set version=? where id=? and version=?
--- declared map: 0,1,2,3
--- expanded
update users set version=? where id=? and version=?
--- expanded map: 0,1,2,3
--- backfilling
= unchanged

=== update status only dynamic update
update users set status=? where id=?
--- params: 'gone', 3
--- declared
SELECT count(*) FROM users where id=?
--- declared map: 0,1
--- declared count
--- expanded
SELECT count(*) FROM users where id=?
--- expanded map: 0,1
--- expanded count
--- backfilling
= unchanged

=== update status of missing row
update users set status=? where id=?
--- params: 'gone', 9999
--- declared
SELECT count(*) FROM users where id=?
--- declared map: 0,1
--- declared count
--- expanded
SELECT count(*) FROM users where id=?
--- expanded map: 0,1
--- expanded count
--- backfilling
= unchanged

=== bulk update status by criteria
update users set status=? where status=?
--- params: 'vip', 'active'
--- declared
SELECT count(*) FROM users where CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)=?
--- declared map: 0,1
--- declared count
--- expanded
SELECT count(*) FROM users where COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=?
--- expanded map: 0,1
--- expanded count
--- backfilling
update users set status=? where COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=?

=== bulk update name by status
update users set name=? where status=? and deleted_at is null
--- params: 'renamed', 'active'
--- declared
update users set name=? where CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)=? and deleted_at is null
--- expanded
update users set name=? where COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=? and deleted_at is null
--- backfilling
update users set name=? where COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=? and deleted_at is null

=== delete by id
delete from users where id=?
--- params: 1001
--- declared
= unchanged
--- expanded
= unchanged
--- backfilling
= unchanged

=== delete by status
delete from tags where user_id in (select u1_0.id from users u1_0 where u1_0.status=?)
--- params: 'gone'
--- declared
delete from tags where user_id in (select u1_0.id from users u1_0 where CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)=?)
--- expanded
delete from tags where user_id in (select u1_0.id from users u1_0 where COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=?)
--- backfilling
delete from tags where user_id in (select u1_0.id from users u1_0 where COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=?)

=== bulk delete by status
delete from orders where user_id in (select id from users where status=?) and total<?
--- params: 'nobody', 0.00
--- declared
delete from orders where user_id in (select id from users where CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)=?) and total<?
--- expanded
delete from orders where user_id in (select id from users where COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=?) and total<?
--- backfilling
delete from orders where user_id in (select id from users where COALESCE(status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=?) and total<?

=== native query with alias
select u.id as user_id,u.status as user_status from users u where u.id=?
--- params: 4
--- declared
select u.id as user_id,CAST(CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) as user_status from users u where u.id=?
--- expanded
select u.id as user_id,COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) as user_status from users u where u.id=?
--- backfilling
select u.id as user_id,COALESCE(u.status, CASE WHEN u.deleted_at IS NULL THEN 'active' ELSE 'gone' END) as user_status from users u where u.id=?

=== window rank by status
select u1_0.id,rank() over(partition by u1_0.status order by u1_0.balance desc) from users u1_0 order by u1_0.id
--- declared
select u1_0.id,rank() over(partition by CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) order by u1_0.balance desc) from users u1_0 order by u1_0.id
--- expanded
select u1_0.id,rank() over(partition by COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) order by u1_0.balance desc) from users u1_0 order by u1_0.id
--- backfilling
select u1_0.id,rank() over(partition by COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) order by u1_0.balance desc) from users u1_0 order by u1_0.id

=== entity graph with orders and status filter
select u1_0.id,u1_0.status,o1_0.user_id,o1_0.id,o1_0.total from users u1_0 join orders o1_0 on u1_0.id=o1_0.user_id and o1_0.total>? where u1_0.status=? order by o1_0.id
--- params: 10, 'active'
--- declared
select u1_0.id,CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status,o1_0.user_id,o1_0.id,o1_0.total from users u1_0 join orders o1_0 on u1_0.id=o1_0.user_id and o1_0.total>? where CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)=? order by o1_0.id
--- expanded
select u1_0.id,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status,o1_0.user_id,o1_0.id,o1_0.total from users u1_0 join orders o1_0 on u1_0.id=o1_0.user_id and o1_0.total>? where COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=? order by o1_0.id
--- backfilling
select u1_0.id,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status,o1_0.user_id,o1_0.id,o1_0.total from users u1_0 join orders o1_0 on u1_0.id=o1_0.user_id and o1_0.total>? where COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=? order by o1_0.id

=== lock for update with status
select u1_0.id,u1_0.status from users u1_0 where u1_0.id=? for no key update
--- params: 5
--- declared
select u1_0.id,CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status from users u1_0 where u1_0.id=? for no key update
--- expanded
select u1_0.id,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status from users u1_0 where u1_0.id=? for no key update
--- backfilling
select u1_0.id,COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status from users u1_0 where u1_0.id=? for no key update

=== case when status null check
select u1_0.id from users u1_0 where case when u1_0.status is null then false else true end order by u1_0.id
--- declared
select u1_0.id from users u1_0 where case when CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) is null then false else true end order by u1_0.id
--- expanded
select u1_0.id from users u1_0 where case when COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) is null then false else true end order by u1_0.id
--- backfilling
select u1_0.id from users u1_0 where case when COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) is null then false else true end order by u1_0.id

=== member of tags with status
select u1_0.id from users u1_0 where ? in (select t1_0.label from tags t1_0 where t1_0.user_id=u1_0.id) and u1_0.status=? order by u1_0.id
--- params: 'red', 'active'
--- declared
select u1_0.id from users u1_0 where ? in (select t1_0.label from tags t1_0 where t1_0.user_id=u1_0.id) and CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)=? order by u1_0.id
--- expanded
select u1_0.id from users u1_0 where ? in (select t1_0.label from tags t1_0 where t1_0.user_id=u1_0.id) and COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=? order by u1_0.id
--- backfilling
select u1_0.id from users u1_0 where ? in (select t1_0.label from tags t1_0 where t1_0.user_id=u1_0.id) and COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=? order by u1_0.id

=== treat status as bytes
select u1_0.id,octet_length(u1_0.status) from users u1_0 order by u1_0.id
--- declared
select u1_0.id,octet_length(CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)) from users u1_0 order by u1_0.id
--- expanded
select u1_0.id,octet_length(COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) from users u1_0 order by u1_0.id
--- backfilling
select u1_0.id,octet_length(COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)) from users u1_0 order by u1_0.id

=== between status values
select u1_0.id from users u1_0 where u1_0.status between ? and ? order by u1_0.id
--- params: 'a', 'h'
--- declared
select u1_0.id from users u1_0 where CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) between ? and ? order by u1_0.id
--- expanded
select u1_0.id from users u1_0 where COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) between ? and ? order by u1_0.id
--- backfilling
select u1_0.id from users u1_0 where COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) between ? and ? order by u1_0.id

=== status equals literal with cast
select u1_0.id from users u1_0 where u1_0.status=cast(? as text) order by u1_0.id
--- params: 'active'
--- declared
select u1_0.id from users u1_0 where CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)=cast(? as text) order by u1_0.id
--- expanded
select u1_0.id from users u1_0 where COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=cast(? as text) order by u1_0.id
--- backfilling
select u1_0.id from users u1_0 where COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=cast(? as text) order by u1_0.id

=== substring of status
select u1_0.id,substring(u1_0.status,1,3) from users u1_0 order by u1_0.id
--- declared
select u1_0.id,substring(CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text),1,3) from users u1_0 order by u1_0.id
--- expanded
select u1_0.id,substring(COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END),1,3) from users u1_0 order by u1_0.id
--- backfilling
select u1_0.id,substring(COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END),1,3) from users u1_0 order by u1_0.id

=== status with trim
select u1_0.id from users u1_0 where trim(both from u1_0.status)=? order by u1_0.id
--- params: 'vip'
--- declared
select u1_0.id from users u1_0 where trim(both from CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text))=? order by u1_0.id
--- expanded
select u1_0.id from users u1_0 where trim(both from COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END))=? order by u1_0.id
--- backfilling
select u1_0.id from users u1_0 where trim(both from COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END))=? order by u1_0.id

=== status array agg
select array_agg(u1_0.id order by u1_0.id) from users u1_0 where u1_0.status=?
--- params: 'active'
--- declared
select array_agg(u1_0.id order by u1_0.id) from users u1_0 where CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)=?
--- expanded
select array_agg(u1_0.id order by u1_0.id) from users u1_0 where COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=?
--- backfilling
select array_agg(u1_0.id order by u1_0.id) from users u1_0 where COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=?

=== order by two users statuses in self join
select u1_0.id,u2_0.id from users u1_0 join users u2_0 on u2_0.status=u1_0.status and u2_0.id>u1_0.id where u1_0.id<? order by 1,2
--- params: 4
--- declared
select u1_0.id,u2_0.id from users u1_0 join users u2_0 on CAST(CASE WHEN u2_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)=CAST(CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) and u2_0.id>u1_0.id where u1_0.id<? order by 1,2
--- expanded
select u1_0.id,u2_0.id from users u1_0 join users u2_0 on COALESCE(u2_0.status, CASE WHEN u2_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) and u2_0.id>u1_0.id where u1_0.id<? order by 1,2
--- backfilling
select u1_0.id,u2_0.id from users u1_0 join users u2_0 on COALESCE(u2_0.status, CASE WHEN u2_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END)=COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) and u2_0.id>u1_0.id where u1_0.id<? order by 1,2

