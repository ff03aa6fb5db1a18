package io.colshift.it.diff;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.partitionBy;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.upper;
import static org.jooq.impl.DSL.when;

/**
 * The PostgreSQL SQL jOOQ's DSL renders (no code generation: tables and fields by name) for a broad set of
 * query shapes over {@code users} and {@code orders}, with values inlined.
 */
public final class JooqStatements {

    private static final Table<?> USERS = table(name("users"));
    private static final Table<?> ORDERS = table(name("orders"));
    private static final Field<Long> ID = field(name("users", "id"), Long.class);
    private static final Field<String> NAME = field(name("users", "name"), String.class);
    private static final Field<String> STATUS = field(name("users", "status"), String.class);
    private static final Field<Long> ORDER_ID = field(name("orders", "id"), Long.class);
    private static final Field<Long> ORDER_USER = field(name("orders", "user_id"), Long.class);
    private static final Field<BigDecimal> AMOUNT = field(name("orders", "amount"), BigDecimal.class);

    private JooqStatements() {
    }

    public static List<Replayable> generate() {
        DSLContext ctx = DSL.using(SQLDialect.POSTGRES);
        List<Replayable> out = new ArrayList<>();
        Table<?> u = USERS.as("u");
        Field<String> uStatus = field(name("u", "status"), String.class);
        Field<Long> uId = field(name("u", "id"), Long.class);
        Field<String> bareStatus = field(name("status"), String.class);
        add(out, "jooq: filter on status", ctx.select(ID, STATUS).from(USERS).where(STATUS.eq("gone")).orderBy(ID));
        add(out, "jooq: selectFrom (select *)", ctx.selectFrom(USERS).where(ID.lt(10L)).orderBy(ID));
        add(out, "jooq: group by status", ctx.select(STATUS, count()).from(USERS).groupBy(STATUS).orderBy(STATUS));
        add(out, "jooq: join", ctx.select(ORDER_ID, STATUS, AMOUNT).from(ORDERS).join(USERS).on(ID.eq(ORDER_USER))
                .where(STATUS.eq("active")).orderBy(ORDER_ID).limit(20));
        add(out, "jooq: left join and aggregate", ctx.select(ID, STATUS, count(ORDER_ID)).from(USERS).leftJoin(ORDERS)
                .on(ORDER_USER.eq(ID)).groupBy(ID, STATUS).orderBy(ID).limit(30).offset(10));
        add(out, "jooq: distinct status", ctx.selectDistinct(STATUS).from(USERS).orderBy(STATUS));
        add(out, "jooq: IN subquery", ctx.select(ID).from(USERS)
                .where(STATUS.in(select(STATUS).from(USERS).where(ID.eq(10L)))).orderBy(ID));
        add(out, "jooq: window", ctx.select(ID, STATUS, rowNumber().over(partitionBy(STATUS).orderBy(ID)))
                .from(USERS).orderBy(ID));
        add(out, "jooq: CTE", ctx.with("g").as(select(ID, STATUS).from(USERS).where(STATUS.eq("gone")))
                .select().from(table(name("g"))).orderBy(field(name("g", "id"))));
        add(out, "jooq: union all", ctx.select(ID, STATUS).from(USERS).where(ID.lt(3L))
                .unionAll(select(ID, STATUS).from(USERS).where(STATUS.eq("gone"))));
        add(out, "jooq: case", ctx.select(ID, when(STATUS.eq("gone"), inline(0)).otherwise(inline(1)).as("flag"))
                .from(USERS).orderBy(ID).limit(40));
        add(out, "jooq: exists", ctx.select(ID).from(USERS)
                .whereExists(selectOne().from(ORDERS).where(ORDER_USER.eq(ID))).and(STATUS.eq("gone")).orderBy(ID));
        add(out, "jooq: aliased table", ctx.select(uId, uStatus).from(u).where(uStatus.ne("active")).orderBy(uId));
        add(out, "jooq: unqualified column", ctx.select(bareStatus, count()).from(USERS).groupBy(bareStatus)
                .orderBy(bareStatus));
        add(out, "jooq: functions of status", ctx.select(ID, upper(STATUS), STATUS.concat(inline("!")))
                .from(USERS).where(ID.between(1L, 12L)).orderBy(ID));
        add(out, "jooq: order by status desc nulls last", ctx.select(ID, STATUS).from(USERS)
                .orderBy(STATUS.desc().nullsLast(), ID).limit(15).offset(5));
        add(out, "jooq: distinct on", ctx.selectDistinct(STATUS, ID).on(STATUS).from(USERS).orderBy(STATUS, ID));
        add(out, "jooq: filter aggregate", ctx.select(count().filterWhere(STATUS.eq("gone")), count()).from(USERS));
        add(out, "jooq: derived table", ctx.select(field(name("d", "status")), count()).from(
                select(ID, STATUS).from(USERS).where(ID.gt(100L)).asTable("d")).groupBy(field(name("d", "status")))
                .orderBy(field(name("d", "status"))));
        add(out, "jooq: for update", ctx.select(ID, STATUS).from(USERS).where(ID.eq(1L)).forUpdate());
        add(out, "jooq: is null", ctx.select(ID).from(USERS).where(STATUS.isNull().or(STATUS.eq("gone"))).orderBy(ID));
        add(out, "jooq: rollup", ctx.select(STATUS, count()).from(USERS).groupBy(DSL.rollup(STATUS)).orderBy(STATUS));
        add(out, "jooq: lateral", ctx.select(ID, STATUS, field(name("l", "n"))).from(USERS, DSL.lateral(
                select(count().as("n")).from(ORDERS).where(ORDER_USER.eq(ID))).as("l")).where(ID.lt(20L)).orderBy(ID));
        add(out, "jooq: scalar subquery of status", ctx.select(ORDER_ID, field(select(STATUS).from(USERS)
                .where(ID.eq(ORDER_USER))).as("owner_status")).from(ORDERS).orderBy(ORDER_ID).limit(30));
        add(out, "jooq: except", ctx.select(STATUS).from(USERS).except(select(STATUS).from(USERS).where(ID.eq(1L))));
        add(out, "jooq: update by status", ctx.update(USERS).set(NAME, "jooq").where(STATUS.eq("gone")));
        add(out, "jooq: update returning status", ctx.update(USERS).set(NAME, "jooq").where(ID.eq(5L))
                .returning(ID, STATUS));
        add(out, "jooq: delete by status", ctx.deleteFrom(ORDERS)
                .where(ORDER_USER.in(select(ID).from(USERS).where(STATUS.eq("gone")))));
        add(out, "jooq: insert select by status", ctx.insertInto(ORDERS, ORDER_ID, ORDER_USER, AMOUNT,
                field(name("orders", "placed_at"))).select(select(ID.plus(inline(20_000L)), ID, inline(new BigDecimal("1.00")),
                field("timestamptz '2025-01-01 00:00:00+00'")).from(USERS).where(STATUS.eq("gone"))));
        return out;
    }

    private static void add(List<Replayable> out, String shape, Query q) {
        out.add(new Replayable(shape, q.getSQL(ParamType.INLINED), List.of()));
    }
}
