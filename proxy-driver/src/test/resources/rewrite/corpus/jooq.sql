# jOOQ rendered SQL (PostgreSQL dialect, fully qualified and quoted names, cast(? as …) binds).

=== select by id
select "public"."users"."id", "public"."users"."name", "public"."users"."status" from "public"."users" where "public"."users"."id" = ?
--- params: 2
--- declared
select "public"."users"."id", "public"."users"."name", CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS "status" from "public"."users" where "public"."users"."id" = ?
--- expanded
select "public"."users"."id", "public"."users"."name", COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status" from "public"."users" where "public"."users"."id" = ?
--- backfilling
select "public"."users"."id", "public"."users"."name", COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status" from "public"."users" where "public"."users"."id" = ?

=== select all fields
select "public"."users"."id", "public"."users"."email", "public"."users"."status", "public"."users"."balance" from "public"."users" order by "public"."users"."id"
--- declared
select "public"."users"."id", "public"."users"."email", CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS "status", "public"."users"."balance" from "public"."users" order by "public"."users"."id"
--- expanded
select "public"."users"."id", "public"."users"."email", COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status", "public"."users"."balance" from "public"."users" order by "public"."users"."id"
--- backfilling
select "public"."users"."id", "public"."users"."email", COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status", "public"."users"."balance" from "public"."users" order by "public"."users"."id"

=== where status eq
select "public"."users"."id" from "public"."users" where "public"."users"."status" = ? order by "public"."users"."id"
--- params: 'active'
--- declared
select "public"."users"."id" from "public"."users" where CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ? order by "public"."users"."id"
--- expanded
select "public"."users"."id" from "public"."users" where COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? order by "public"."users"."id"
--- backfilling
select "public"."users"."id" from "public"."users" where COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? order by "public"."users"."id"

=== where status cast bind
select "public"."users"."id" from "public"."users" where "public"."users"."status" = cast(? as varchar) order by "public"."users"."id"
--- params: 'vip'
--- declared
select "public"."users"."id" from "public"."users" where CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = cast(? as varchar) order by "public"."users"."id"
--- expanded
select "public"."users"."id" from "public"."users" where COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) = cast(? as varchar) order by "public"."users"."id"
--- backfilling
select "public"."users"."id" from "public"."users" where COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) = cast(? as varchar) order by "public"."users"."id"

=== where status in
select "public"."users"."id" from "public"."users" where "public"."users"."status" in (?, ?, ?) order by "public"."users"."id"
--- params: 'active', 'gone', 'vip'
--- declared
select "public"."users"."id" from "public"."users" where CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) in (?, ?, ?) order by "public"."users"."id"
--- expanded
select "public"."users"."id" from "public"."users" where COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) in (?, ?, ?) order by "public"."users"."id"
--- backfilling
select "public"."users"."id" from "public"."users" where COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) in (?, ?, ?) order by "public"."users"."id"

=== where status eq any array
select "public"."users"."id" from "public"."users" where "public"."users"."status" = any (?) order by "public"."users"."id"
--- params: {'active','vip'}
--- declared
select "public"."users"."id" from "public"."users" where CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = any (?) order by "public"."users"."id"
--- expanded
select "public"."users"."id" from "public"."users" where COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) = any (?) order by "public"."users"."id"
--- backfilling
select "public"."users"."id" from "public"."users" where COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) = any (?) order by "public"."users"."id"

=== count
select count(*) from "public"."users" where "public"."users"."status" = ?
--- params: 'active'
--- declared
select count(*) from "public"."users" where CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ?
--- expanded
select count(*) from "public"."users" where COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?
--- backfilling
select count(*) from "public"."users" where COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?

=== fetch exists
select exists (select 1 as "one" from "public"."users" where "public"."users"."status" = ?)
--- params: 'gone'
--- declared
select exists (select 1 as "one" from "public"."users" where CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ?)
--- expanded
select exists (select 1 as "one" from "public"."users" where COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?)
--- backfilling
select exists (select 1 as "one" from "public"."users" where COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?)

=== limit offset
select "public"."users"."id", "public"."users"."status" from "public"."users" order by "public"."users"."status", "public"."users"."id" offset ? rows fetch next ? rows only
--- params: 0, 5
--- declared
select "public"."users"."id", CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS "status" from "public"."users" order by CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text), "public"."users"."id" offset ? rows fetch next ? rows only
--- expanded
select "public"."users"."id", COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status" from "public"."users" order by COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END), "public"."users"."id" offset ? rows fetch next ? rows only
--- backfilling
select "public"."users"."id", COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status" from "public"."users" order by COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END), "public"."users"."id" offset ? rows fetch next ? rows only

=== aliased table
select "u"."id", "u"."status" from "public"."users" as "u" where "u"."status" <> ? order by "u"."id"
--- params: 'vip'
--- declared
select "u"."id", CAST(CASE WHEN "u".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS "status" from "public"."users" as "u" where CAST(CASE WHEN "u".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) <> ? order by "u"."id"
--- expanded
select "u"."id", COALESCE("u"."status", CASE WHEN "u".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status" from "public"."users" as "u" where COALESCE("u"."status", CASE WHEN "u".deleted_at IS NULL THEN 'active' ELSE 'gone' END) <> ? order by "u"."id"
--- backfilling
select "u"."id", COALESCE("u"."status", CASE WHEN "u".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status" from "public"."users" as "u" where COALESCE("u"."status", CASE WHEN "u".deleted_at IS NULL THEN 'active' ELSE 'gone' END) <> ? order by "u"."id"

=== aliased field
select "u"."status" as "s", count(*) as "c" from "public"."users" as "u" group by "u"."status" order by "s"
--- declared
select CAST(CASE WHEN "u".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) as "s", count(*) as "c" from "public"."users" as "u" group by CAST(CASE WHEN "u".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) order by "s"
--- expanded
select COALESCE("u"."status", CASE WHEN "u".deleted_at IS NULL THEN 'active' ELSE 'gone' END) as "s", count(*) as "c" from "public"."users" as "u" group by COALESCE("u"."status", CASE WHEN "u".deleted_at IS NULL THEN 'active' ELSE 'gone' END) order by "s"
--- backfilling
select COALESCE("u"."status", CASE WHEN "u".deleted_at IS NULL THEN 'active' ELSE 'gone' END) as "s", count(*) as "c" from "public"."users" as "u" group by COALESCE("u"."status", CASE WHEN "u".deleted_at IS NULL THEN 'active' ELSE 'gone' END) order by "s"

=== join orders
select "public"."users"."id", "public"."users"."status", "public"."orders"."status" from "public"."users" join "public"."orders" on "public"."orders"."user_id" = "public"."users"."id" where "public"."orders"."total" > ? order by "public"."orders"."id"
--- params: 70
--- declared
select "public"."users"."id", CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS "status", "public"."orders"."status" from "public"."users" join "public"."orders" on "public"."orders"."user_id" = "public"."users"."id" where "public"."orders"."total" > ? order by "public"."orders"."id"
--- expanded
select "public"."users"."id", COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status", "public"."orders"."status" from "public"."users" join "public"."orders" on "public"."orders"."user_id" = "public"."users"."id" where "public"."orders"."total" > ? order by "public"."orders"."id"
--- backfilling
select "public"."users"."id", COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status", "public"."orders"."status" from "public"."users" join "public"."orders" on "public"."orders"."user_id" = "public"."users"."id" where "public"."orders"."total" > ? order by "public"."orders"."id"

=== left outer join
select "public"."users"."status", count("public"."orders"."id") from "public"."users" left outer join "public"."orders" on "public"."orders"."user_id" = "public"."users"."id" group by "public"."users"."status" order by 1
--- declared
select CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS "status", count("public"."orders"."id") from "public"."users" left outer join "public"."orders" on "public"."orders"."user_id" = "public"."users"."id" group by CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) order by 1
--- expanded
select COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status", count("public"."orders"."id") from "public"."users" left outer join "public"."orders" on "public"."orders"."user_id" = "public"."users"."id" group by COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) order by 1
--- backfilling
select COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status", count("public"."orders"."id") from "public"."users" left outer join "public"."orders" on "public"."orders"."user_id" = "public"."users"."id" group by COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) order by 1

=== derived table
select "t"."status", "t"."n" from (select "public"."users"."status", count(*) as "n" from "public"."users" group by "public"."users"."status") as "t" order by "t"."status"
--- declared
select "t"."status", "t"."n" from (select CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS "status", count(*) as "n" from "public"."users" group by CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)) as "t" order by "t"."status"
--- expanded
select "t"."status", "t"."n" from (select COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status", count(*) as "n" from "public"."users" group by COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END)) as "t" order by "t"."status"
--- backfilling
select "t"."status", "t"."n" from (select COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status", count(*) as "n" from "public"."users" group by COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END)) as "t" order by "t"."status"

=== derived table with alias list
select "t"."s" from (select "public"."users"."status" from "public"."users") as "t" ("s") order by 1
--- declared
select "t"."s" from (select CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS "status" from "public"."users") as "t" ("s") order by 1
--- expanded
select "t"."s" from (select COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status" from "public"."users") as "t" ("s") order by 1
--- backfilling
select "t"."s" from (select COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status" from "public"."users") as "t" ("s") order by 1

=== with clause
with "active_users" as (select "public"."users"."id", "public"."users"."status" from "public"."users" where "public"."users"."status" = ?) select "active_users"."id" from "active_users" order by 1
--- params: 'active'
--- declared
with "active_users" as (select "public"."users"."id", CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS "status" from "public"."users" where CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ?) select "active_users"."id" from "active_users" order by 1
--- expanded
with "active_users" as (select "public"."users"."id", COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status" from "public"."users" where COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?) select "active_users"."id" from "active_users" order by 1
--- backfilling
with "active_users" as (select "public"."users"."id", COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status" from "public"."users" where COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?) select "active_users"."id" from "active_users" order by 1

=== union all
select "public"."users"."status" from "public"."users" union all select "public"."orders"."status" from "public"."orders" order by 1
--- declared
select CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS "status" from "public"."users" union all select "public"."orders"."status" from "public"."orders" order by 1
--- expanded
select COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status" from "public"."users" union all select "public"."orders"."status" from "public"."orders" order by 1
--- backfilling
select COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status" from "public"."users" union all select "public"."orders"."status" from "public"."orders" order by 1

=== except
select "public"."users"."status" from "public"."users" except select "public"."orders"."status" from "public"."orders" order by 1
--- declared
select CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS "status" from "public"."users" except select "public"."orders"."status" from "public"."orders" order by 1
--- expanded
select COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status" from "public"."users" except select "public"."orders"."status" from "public"."orders" order by 1
--- backfilling
select COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status" from "public"."users" except select "public"."orders"."status" from "public"."orders" order by 1

=== intersect
select "public"."users"."status" from "public"."users" intersect select cast(? as text) order by 1
--- params: 'active'
--- declared
select CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS "status" from "public"."users" intersect select cast(? as text) order by 1
--- expanded
select COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status" from "public"."users" intersect select cast(? as text) order by 1
--- backfilling
select COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status" from "public"."users" intersect select cast(? as text) order by 1

=== row number
select "public"."users"."id", row_number() over (partition by "public"."users"."status" order by "public"."users"."id") as "rn" from "public"."users" order by "public"."users"."id"
--- declared
select "public"."users"."id", row_number() over (partition by CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) order by "public"."users"."id") as "rn" from "public"."users" order by "public"."users"."id"
--- expanded
select "public"."users"."id", row_number() over (partition by COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) order by "public"."users"."id") as "rn" from "public"."users" order by "public"."users"."id"
--- backfilling
select "public"."users"."id", row_number() over (partition by COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) order by "public"."users"."id") as "rn" from "public"."users" order by "public"."users"."id"

=== filter aggregate
select count(*) filter (where "public"."users"."status" = ?), count(*) from "public"."users"
--- params: 'active'
--- declared
select count(*) filter (where CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ?), count(*) from "public"."users"
--- expanded
select count(*) filter (where COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?), count(*) from "public"."users"
--- backfilling
select count(*) filter (where COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?), count(*) from "public"."users"

=== case expression
select "public"."users"."id", case "public"."users"."status" when ? then 'A' when ? then 'G' else 'O' end as "k" from "public"."users" order by 1
--- params: 'active', 'gone'
--- declared
select "public"."users"."id", case CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) when ? then 'A' when ? then 'G' else 'O' end as "k" from "public"."users" order by 1
--- expanded
select "public"."users"."id", case COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) when ? then 'A' when ? then 'G' else 'O' end as "k" from "public"."users" order by 1
--- backfilling
select "public"."users"."id", case COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) when ? then 'A' when ? then 'G' else 'O' end as "k" from "public"."users" order by 1

=== coalesce status
select coalesce("public"."users"."status", ?) from "public"."users" order by "public"."users"."id"
--- params: 'n/a'
--- declared
select coalesce(CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text), ?) from "public"."users" order by "public"."users"."id"
--- expanded
select coalesce(COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END), ?) from "public"."users" order by "public"."users"."id"
--- backfilling
select coalesce(COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END), ?) from "public"."users" order by "public"."users"."id"

=== nullif status
select nullif("public"."users"."status", ?) from "public"."users" order by "public"."users"."id"
--- params: 'active'
--- declared
select nullif(CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text), ?) from "public"."users" order by "public"."users"."id"
--- expanded
select nullif(COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END), ?) from "public"."users" order by "public"."users"."id"
--- backfilling
select nullif(COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END), ?) from "public"."users" order by "public"."users"."id"

=== string agg status
select string_agg("public"."users"."status", ',' order by "public"."users"."id") from "public"."users"
--- declared
select string_agg(CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text), ',' order by "public"."users"."id") from "public"."users"
--- expanded
select string_agg(COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END), ',' order by "public"."users"."id") from "public"."users"
--- backfilling
select string_agg(COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END), ',' order by "public"."users"."id") from "public"."users"

=== lateral join
select "public"."users"."id", "x"."total" from "public"."users" cross join lateral (select "public"."orders"."total" from "public"."orders" where "public"."orders"."user_id" = "public"."users"."id" order by "public"."orders"."total" desc limit 1) as "x" where "public"."users"."status" = ? order by 1
--- params: 'active'
--- declared
select "public"."users"."id", "x"."total" from "public"."users" cross join lateral (select "public"."orders"."total" from "public"."orders" where "public"."orders"."user_id" = "public"."users"."id" order by "public"."orders"."total" desc limit 1) as "x" where CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ? order by 1
--- expanded
select "public"."users"."id", "x"."total" from "public"."users" cross join lateral (select "public"."orders"."total" from "public"."orders" where "public"."orders"."user_id" = "public"."users"."id" order by "public"."orders"."total" desc limit 1) as "x" where COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? order by 1
--- backfilling
select "public"."users"."id", "x"."total" from "public"."users" cross join lateral (select "public"."orders"."total" from "public"."orders" where "public"."orders"."user_id" = "public"."users"."id" order by "public"."orders"."total" desc limit 1) as "x" where COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? order by 1

=== insert values
insert into "public"."users" ("id", "name", "email", "status") values (?, ?, ?, ?)
--- params: 1010, 'jooq', 'jooq@example.com', 'vip'
--- declared
insert into "public"."users" ("id", "name", "email") values (?, ?, ?)
--- declared map: 1,2,3,0
--- expanded
insert into "public"."users" ("id", "name", "email") values (?, ?, ?)
--- expanded map: 1,2,3,0
--- backfilling
= unchanged

=== insert returning
insert into "public"."users" ("id", "name", "email", "status") values (?, ?, ?, ?) returning "public"."users"."id", "public"."users"."status"
--- params: 1011, 'jooq', 'jooq11@example.com', 'vip'
--- declared
insert into "public"."users" ("id", "name", "email") values (?, ?, ?) returning "public"."users"."id", CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS "status"
--- declared map: 1,2,3,0
--- expanded
insert into "public"."users" ("id", "name", "email") values (?, ?, ?) returning "public"."users"."id", COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status"
--- expanded map: 1,2,3,0
--- backfilling
insert into "public"."users" ("id", "name", "email", "status") values (?, ?, ?, ?) returning "public"."users"."id", COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status"

=== insert multi row
insert into "public"."users" ("id", "name", "email", "status") values (?, ?, ?, ?), (?, ?, ?, ?)
--- params: 1012, 'a', 'a12@example.com', 'vip', 1013, 'b', 'b13@example.com', 'gone'
--- declared
insert into "public"."users" ("id", "name", "email") values (?, ?, ?), (?, ?, ?)
--- declared map: 1,2,3,0,4,5,6,0
--- expanded
insert into "public"."users" ("id", "name", "email") values (?, ?, ?), (?, ?, ?)
--- expanded map: 1,2,3,0,4,5,6,0
--- backfilling
= unchanged

=== insert on conflict do update
insert into "public"."users" ("id", "name", "email", "status") values (?, ?, ?, ?) on conflict ("id") do update set "name" = excluded."name", "status" = excluded."status"
--- params: 4, 'j', 'u4@example.com', 'vip'
--- declared
insert into "public"."users" ("id", "name", "email") values (?, ?, ?) on conflict ("id") do update set "name" = excluded."name"
--- declared map: 1,2,3,0
--- expanded
insert into "public"."users" ("id", "name", "email") values (?, ?, ?) on conflict ("id") do update set "name" = excluded."name"
--- expanded map: 1,2,3,0
--- backfilling
insert into "public"."users" ("id", "name", "email", "status") values (?, ?, ?, ?) on conflict ("id") do update set "name" = excluded."name", "status" = COALESCE(excluded."status", CASE WHEN excluded.deleted_at IS NULL THEN 'active' ELSE 'gone' END)

=== insert on conflict update only status
insert into "public"."users" ("id", "name", "email", "status") values (?, ?, ?, ?) on conflict ("id") do update set "status" = excluded."status" returning "public"."users"."id"
--- params: 5, 'j', 'u5@example.com', 'vip'
--- declared
insert into "public"."users" ("id", "name", "email") values (?, ?, ?) on conflict ("id") do update set "id" = "public"."users"."id" returning "public"."users"."id"
--- declared map: 1,2,3,0
--- expanded
insert into "public"."users" ("id", "name", "email") values (?, ?, ?) on conflict ("id") do update set "id" = "public"."users"."id" returning "public"."users"."id"
--- expanded map: 1,2,3,0
--- backfilling
insert into "public"."users" ("id", "name", "email", "status") values (?, ?, ?, ?) on conflict ("id") do update set "status" = COALESCE(excluded."status", CASE WHEN excluded.deleted_at IS NULL THEN 'active' ELSE 'gone' END) returning "public"."users"."id"

=== insert on conflict do nothing
insert into "public"."users" ("id", "name", "email", "status") values (?, ?, ?, ?) on conflict do nothing
--- params: 6, 'j', 'u6@example.com', 'vip'
--- declared
insert into "public"."users" ("id", "name", "email") values (?, ?, ?) on conflict do nothing
--- declared map: 1,2,3,0
--- expanded
insert into "public"."users" ("id", "name", "email") values (?, ?, ?) on conflict do nothing
--- expanded map: 1,2,3,0
--- backfilling
= unchanged

=== insert select
insert into "public"."tags" ("id", "user_id", "label") select "public"."users"."id" + 1000, "public"."users"."id", "public"."users"."status" from "public"."users" where "public"."users"."status" is not null
--- declared
insert into "public"."tags" ("id", "user_id", "label") select "public"."users"."id" + 1000, "public"."users"."id", CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS "status" from "public"."users" where CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) is not null
--- expanded
insert into "public"."tags" ("id", "user_id", "label") select "public"."users"."id" + 1000, "public"."users"."id", COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status" from "public"."users" where COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) is not null
--- backfilling
insert into "public"."tags" ("id", "user_id", "label") select "public"."users"."id" + 1000, "public"."users"."id", COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status" from "public"."users" where COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) is not null

=== update set
update "public"."users" set "status" = ?, "name" = ? where "public"."users"."id" = ?
--- params: 'vip', 'n', 3
--- declared
update "public"."users" set "name" = ? where "public"."users"."id" = ?
--- declared map: 0,1,2
--- expanded
update "public"."users" set "name" = ? where "public"."users"."id" = ?
--- expanded map: 0,1,2
--- backfilling
= unchanged

=== update status only
update "public"."users" set "status" = ? where "public"."users"."id" = ?
--- params: 'vip', 3
--- declared
SELECT count(*) FROM "public"."users" where "public"."users"."id" = ?
--- declared map: 0,1
--- declared count
--- expanded
SELECT count(*) FROM "public"."users" where "public"."users"."id" = ?
--- expanded map: 0,1
--- expanded count
--- backfilling
= unchanged

=== update returning
update "public"."users" set "status" = ? where "public"."users"."id" = ? returning "public"."users"."id", "public"."users"."status"
--- params: 'vip', 3
--- declared
SELECT "public"."users"."id", CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS "status" FROM "public"."users" where "public"."users"."id" = ?
--- declared map: 0,1
--- expanded
SELECT "public"."users"."id", COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status" FROM "public"."users" where "public"."users"."id" = ?
--- expanded map: 0,1
--- backfilling
update "public"."users" set "status" = ? where "public"."users"."id" = ? returning "public"."users"."id", COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status"

=== update from
update "public"."users" set "name" = "public"."orders"."note" from "public"."orders" where "public"."orders"."user_id" = "public"."users"."id" and "public"."orders"."id" = ? and "public"."users"."status" = ?
--- params: 1, 'active'
--- declared
update "public"."users" set "name" = "public"."orders"."note" from "public"."orders" where "public"."orders"."user_id" = "public"."users"."id" and "public"."orders"."id" = ? and CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ?
--- expanded
update "public"."users" set "name" = "public"."orders"."note" from "public"."orders" where "public"."orders"."user_id" = "public"."users"."id" and "public"."orders"."id" = ? and COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?
--- backfilling
update "public"."users" set "name" = "public"."orders"."note" from "public"."orders" where "public"."orders"."user_id" = "public"."users"."id" and "public"."orders"."id" = ? and COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?

=== update from status only
update "public"."users" set "status" = "public"."orders"."status" from "public"."orders" where "public"."orders"."user_id" = "public"."users"."id" and "public"."orders"."id" = ?
--- params: 1
--- declared
SELECT count(*) FROM "public"."users" WHERE EXISTS (SELECT 1 FROM "public"."orders" where "public"."orders"."user_id" = "public"."users"."id" and "public"."orders"."id" = ?)
--- declared count
--- expanded
SELECT count(*) FROM "public"."users" WHERE EXISTS (SELECT 1 FROM "public"."orders" where "public"."orders"."user_id" = "public"."users"."id" and "public"."orders"."id" = ?)
--- expanded count
--- backfilling
= unchanged

=== delete where status
delete from "public"."tags" where "public"."tags"."user_id" in (select "public"."users"."id" from "public"."users" where "public"."users"."status" = ?)
--- params: 'vip'
--- declared
delete from "public"."tags" where "public"."tags"."user_id" in (select "public"."users"."id" from "public"."users" where CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ?)
--- expanded
delete from "public"."tags" where "public"."tags"."user_id" in (select "public"."users"."id" from "public"."users" where COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?)
--- backfilling
delete from "public"."tags" where "public"."tags"."user_id" in (select "public"."users"."id" from "public"."users" where COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?)

=== delete returning
delete from "public"."tags" where "public"."tags"."id" = ? returning "public"."tags"."label"
--- params: 2
--- declared
= unchanged
--- expanded
= unchanged
--- backfilling
= unchanged

=== select distinct on
select distinct on ("public"."users"."status") "public"."users"."status", "public"."users"."id" from "public"."users" order by "public"."users"."status", "public"."users"."id" desc
--- declared
select distinct on (CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)) CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS "status", "public"."users"."id" from "public"."users" order by CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text), "public"."users"."id" desc
--- expanded
select distinct on (COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END)) COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status", "public"."users"."id" from "public"."users" order by COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END), "public"."users"."id" desc
--- backfilling
select distinct on (COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END)) COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status", "public"."users"."id" from "public"."users" order by COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END), "public"."users"."id" desc

=== select for update of
select "public"."users"."id" from "public"."users" where "public"."users"."status" = ? order by 1 for update of "users"
--- params: 'gone'
--- declared
select "public"."users"."id" from "public"."users" where CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ? order by 1 for update of "users"
--- expanded
select "public"."users"."id" from "public"."users" where COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? order by 1 for update of "users"
--- backfilling
select "public"."users"."id" from "public"."users" where COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? order by 1 for update of "users"

=== select jsonb
select "public"."users"."id", jsonb_build_object('status', "public"."users"."status") from "public"."users" order by 1
--- declared
select "public"."users"."id", jsonb_build_object('status', CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)) from "public"."users" order by 1
--- expanded
select "public"."users"."id", jsonb_build_object('status', COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END)) from "public"."users" order by 1
--- backfilling
select "public"."users"."id", jsonb_build_object('status', COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END)) from "public"."users" order by 1

=== select in subquery
select "public"."orders"."id" from "public"."orders" where "public"."orders"."user_id" in (select "public"."users"."id" from "public"."users" where "public"."users"."status" = ?) order by 1
--- params: 'active'
--- declared
select "public"."orders"."id" from "public"."orders" where "public"."orders"."user_id" in (select "public"."users"."id" from "public"."users" where CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ?) order by 1
--- expanded
select "public"."orders"."id" from "public"."orders" where "public"."orders"."user_id" in (select "public"."users"."id" from "public"."users" where COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?) order by 1
--- backfilling
select "public"."orders"."id" from "public"."orders" where "public"."orders"."user_id" in (select "public"."users"."id" from "public"."users" where COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ?) order by 1

=== select scalar subquery
select "public"."orders"."id", (select "public"."users"."status" from "public"."users" where "public"."users"."id" = "public"."orders"."user_id") as "user_status" from "public"."orders" order by 1
--- declared
select "public"."orders"."id", (select CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS "status" from "public"."users" where "public"."users"."id" = "public"."orders"."user_id") as "user_status" from "public"."orders" order by 1
--- expanded
select "public"."orders"."id", (select COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status" from "public"."users" where "public"."users"."id" = "public"."orders"."user_id") as "user_status" from "public"."orders" order by 1
--- backfilling
select "public"."orders"."id", (select COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status" from "public"."users" where "public"."users"."id" = "public"."orders"."user_id") as "user_status" from "public"."orders" order by 1

=== select grouping sets
select "public"."users"."status", count(*) from "public"."users" group by grouping sets (("public"."users"."status"), ()) order by 1 nulls last
--- declared
select CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS "status", count(*) from "public"."users" group by grouping sets ((CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)), ()) order by 1 nulls last
--- expanded
select COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status", count(*) from "public"."users" group by grouping sets ((COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END)), ()) order by 1 nulls last
--- backfilling
select COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS "status", count(*) from "public"."users" group by grouping sets ((COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END)), ()) order by 1 nulls last

=== select array agg distinct
select array_agg(distinct "public"."users"."status") from "public"."users"
--- declared
select array_agg(distinct CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text)) from "public"."users"
--- expanded
select array_agg(distinct COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END)) from "public"."users"
--- backfilling
select array_agg(distinct COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END)) from "public"."users"

=== select status like any
select "public"."users"."id" from "public"."users" where "public"."users"."status" like any (array['act%', 'vi%']) order by 1
--- declared
select "public"."users"."id" from "public"."users" where CAST(CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) like any (array['act%', 'vi%']) order by 1
--- expanded
select "public"."users"."id" from "public"."users" where COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) like any (array['act%', 'vi%']) order by 1
--- backfilling
select "public"."users"."id" from "public"."users" where COALESCE("public"."users"."status", CASE WHEN "public"."users".deleted_at IS NULL THEN 'active' ELSE 'gone' END) like any (array['act%', 'vi%']) order by 1

=== select unquoted jooq style
select users.id, users.status from users where users.status = ? order by users.id
--- params: 'vip'
--- declared
select users.id, CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) AS status from users where CAST(CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END AS text) = ? order by users.id
--- expanded
select users.id, COALESCE(users.status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status from users where COALESCE(users.status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? order by users.id
--- backfilling
select users.id, COALESCE(users.status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status from users where COALESCE(users.status, CASE WHEN users.deleted_at IS NULL THEN 'active' ELSE 'gone' END) = ? order by users.id

