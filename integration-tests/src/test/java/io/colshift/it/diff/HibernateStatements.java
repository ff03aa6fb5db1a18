package io.colshift.it.diff;

import io.colshift.it.orm.Member;
import io.colshift.it.orm.Orm;
import io.colshift.it.orm.Purchase;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.CriteriaUpdate;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.postgresql.ds.PGSimpleDataSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The SQL Hibernate ORM generates for a broad set of HQL, Criteria and native query shapes over
 * {@link Member} and {@link Purchase}, captured (text and parameter calls) while Hibernate runs them on the
 * reference database, each shape in a transaction that is rolled back.
 */
public final class HibernateStatements implements QueryExecutionListener {

    /** A statement whose reads of status happen inside a function body, which the driver never sees. */
    public static final String OUT_OF_SCOPE_FUNCTION_BODY = "native: status read inside a function body";

    private final List<Replayable> captured = new ArrayList<>();
    private final List<String> failedShapes = new ArrayList<>();
    private String shape = "?";

    /**
     * Runs every shape through Hibernate on {@code url} and returns what it sent.
     *
     * @param failed receives the shapes Hibernate could not run on the reference (none expected)
     */
    public static List<Replayable> generate(String url, String user, String password, List<String> failed) {
        PGSimpleDataSource real = new PGSimpleDataSource();
        real.setURL(url);
        real.setUser(user);
        real.setPassword(password);
        HibernateStatements recorder = new HibernateStatements();
        try (SessionFactory sf = Orm.sessionFactory(ProxyDataSourceBuilder.create(real).listener(recorder).build(),
                Member.class, Purchase.class)) {
            recorder.captured.clear(); // start-up queries are not the application's statements
            recorder.hql(sf);
            recorder.criteria(sf);
            recorder.nativeAndEntity(sf);
        }
        failed.addAll(recorder.failedShapes);
        return List.copyOf(recorder.captured);
    }

    private void shape(SessionFactory sf, String name, Consumer<Session> work) {
        shape = name;
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            try {
                work.accept(s);
                s.flush();
            } catch (RuntimeException e) {
                failedShapes.add(name + ": " + e);
            } finally {
                s.getTransaction().rollback();
            }
        }
    }

    private void query(SessionFactory sf, String hql) {
        shape(sf, "hql: " + hql, s -> s.createSelectionQuery(hql, Object.class).getResultList());
    }

    private void hql(SessionFactory sf) {
        query(sf, "select m from Member m where m.id < 20 order by m.id");
        query(sf, "select m.id, m.status from Member m where m.status = 'gone' order by m.id");
        query(sf, "select m.status, count(m) from Member m group by m.status order by m.status");
        query(sf, "select m.status, count(m) from Member m group by m.status having count(m) > 5");
        query(sf, "select p from Purchase p join fetch p.member m where m.status = 'gone' order by p.id");
        query(sf, "select distinct m from Member m join fetch m.purchases where m.status = 'active' and m.id < 30 order by m.id");
        query(sf, "select p.id, m.status from Purchase p join p.member m where p.amount > 50 order by p.id");
        query(sf, "select m.name from Member m where exists (select 1 from Purchase p where p.member = m and m.status = 'gone') order by m.name");
        query(sf, "select m.id, upper(m.status), length(m.status) from Member m where m.id between 5 and 15 order by m.id");
        query(sf, "select m.status, sum(p.amount), avg(p.amount) from Purchase p join p.member m group by m.status order by m.status");
        query(sf, "select count(distinct m.status) from Member m");
        query(sf, "select m.id from Member m where m.status like 'g%' or m.id = 1 order by m.id");
        query(sf, "select m.status from Member m where m.id = 7");
        query(sf, "select m.id, count(p) from Member m left join m.purchases p where m.status = 'gone' group by m.id order by m.id");
        query(sf, "select m.id, m.status from Member m where m.id < 3 union all select m.id, m.status from Member m where m.status = 'gone'");
        query(sf, "with g as (select m.id as id, m.status as status from Member m where m.status = 'gone') select c.id, c.status from g c order by c.id");
        query(sf, "select m.id, m.status, row_number() over (partition by m.status order by m.id) from Member m order by m.id");
        query(sf, "select m.id, case when m.status = 'gone' then 0 else 1 end from Member m order by m.id");
        query(sf, "select m from Member m where m.status = (select m2.status from Member m2 where m2.id = 10) order by m.id");
        query(sf, "select m.status, max(m.createdAt) from Member m where m.deletedAt is not null group by m.status");
        query(sf, "select p.member.status, count(p) from Purchase p group by p.member.status order by 1");
        query(sf, "select m.id, m.status || '-' || m.name from Member m where m.id in (1, 2, 3) order by m.id");
        query(sf, "select m.id from Member m where m.status is null or m.status not in ('gone') order by m.id");
        query(sf, "select m.id, m.status from Member m order by m.status nulls first, m.id desc");
        query(sf, "select m.status, m.id from Member m where m.id in (select p.member.id from Purchase p where p.amount > 100) order by m.id");
        query(sf, "select m.status, count(*) from Member m join m.purchases p group by m.status having max(p.amount) > 10 order by 2");
        query(sf, "select coalesce(m.status, 'none'), nullif(m.status, 'active') from Member m where m.id < 25 order by m.id");
        query(sf, "select m from Member m where lower(m.status) = 'gone' and m.name like 'user 1%' order by m.id");
        query(sf, "select m.id, (select count(p) from Purchase p where p.member = m) from Member m where m.status = 'gone' order by m.id");
        shape(sf, "hql: parameter on status", s -> s.createSelectionQuery(
                "select m from Member m where m.status = :s order by m.id", Member.class).setParameter("s", "gone").getResultList());
        shape(sf, "hql: pagination ordered by status", s -> s.createSelectionQuery(
                "select m.id, m.status from Member m order by m.status, m.id", Object[].class)
                .setFirstResult(15).setMaxResults(10).getResultList());
        shape(sf, "hql: pagination of a subquery filter", s -> s.createSelectionQuery(
                "select m from Member m where m.status in (select m2.status from Member m2 where m2.id = 10) order by m.id",
                Member.class).setFirstResult(5).setMaxResults(10).getResultList());
        shape(sf, "hql: update by query", s -> s.createMutationQuery(
                "update Member m set m.name = 'renamed' where m.status = 'gone'").executeUpdate());
        shape(sf, "hql: update through an implicit join", s -> s.createMutationQuery(
                "update Purchase p set p.amount = p.amount + 1 where p.member.status = 'active'").executeUpdate());
        shape(sf, "hql: delete by query", s -> s.createMutationQuery(
                "delete from Purchase p where p.member.id in (select m.id from Member m where m.status = 'gone')").executeUpdate());
    }

    private void criteria(SessionFactory sf) {
        shape(sf, "criteria: filter and order on status", s -> {
            CriteriaBuilder cb = s.getCriteriaBuilder();
            CriteriaQuery<Member> q = cb.createQuery(Member.class);
            Root<Member> m = q.from(Member.class);
            q.select(m).where(cb.equal(m.get("status"), "gone")).orderBy(cb.desc(m.get("status")), cb.asc(m.get("id")));
            s.createQuery(q).getResultList();
        });
        shape(sf, "criteria: group by status", s -> {
            CriteriaBuilder cb = s.getCriteriaBuilder();
            CriteriaQuery<Object[]> q = cb.createQuery(Object[].class);
            Root<Member> m = q.from(Member.class);
            q.multiselect(m.get("status"), cb.count(m)).groupBy(m.get("status")).orderBy(cb.asc(m.get("status")));
            s.createQuery(q).getResultList();
        });
        shape(sf, "criteria: join with a filter on the joined status", s -> {
            CriteriaBuilder cb = s.getCriteriaBuilder();
            CriteriaQuery<Object[]> q = cb.createQuery(Object[].class);
            Root<Purchase> p = q.from(Purchase.class);
            Join<Purchase, Member> m = p.join("member");
            q.multiselect(p.get("id"), m.get("status"), p.get("amount"))
                    .where(cb.and(cb.notEqual(m.get("status"), "active"), cb.gt(p.get("amount"), BigDecimal.TEN)))
                    .orderBy(cb.asc(p.get("id")));
            s.createQuery(q).setMaxResults(25).getResultList();
        });
        shape(sf, "criteria: subquery on status", s -> {
            CriteriaBuilder cb = s.getCriteriaBuilder();
            CriteriaQuery<Long> q = cb.createQuery(Long.class);
            Root<Member> m = q.from(Member.class);
            Subquery<String> sub = q.subquery(String.class);
            Root<Member> m2 = sub.from(Member.class);
            sub.select(m2.get("status")).where(cb.equal(m2.get("id"), 20L));
            q.select(m.get("id")).where(cb.equal(m.get("status"), sub)).orderBy(cb.asc(m.get("id")));
            s.createQuery(q).getResultList();
        });
        shape(sf, "criteria: coalesce and case over status", s -> {
            CriteriaBuilder cb = s.getCriteriaBuilder();
            CriteriaQuery<Object[]> q = cb.createQuery(Object[].class);
            Root<Member> m = q.from(Member.class);
            q.multiselect(m.get("id"), cb.coalesce(m.<String>get("status"), "none"),
                    cb.selectCase().when(cb.equal(m.get("status"), "gone"), 1).otherwise(0))
                    .where(cb.lessThan(m.get("id"), 40L)).orderBy(cb.asc(m.get("id")));
            s.createQuery(q).getResultList();
        });
        shape(sf, "criteria: update by status", s -> {
            CriteriaBuilder cb = s.getCriteriaBuilder();
            CriteriaUpdate<Member> u = cb.createCriteriaUpdate(Member.class);
            Root<Member> m = u.from(Member.class);
            u.set(m.<String>get("name"), "criteria").where(cb.equal(m.get("status"), "active"), cb.lt(m.get("id"), 50L));
            s.createMutationQuery(u).executeUpdate();
        });
        shape(sf, "criteria: delete by the owner's status", s -> {
            CriteriaBuilder cb = s.getCriteriaBuilder();
            CriteriaDelete<Purchase> d = cb.createCriteriaDelete(Purchase.class);
            Root<Purchase> p = d.from(Purchase.class);
            Subquery<Long> gone = d.subquery(Long.class);
            Root<Member> m = gone.from(Member.class);
            gone.select(m.get("id")).where(cb.equal(m.get("status"), "gone"));
            d.where(p.get("member").get("id").in(gone));
            s.createMutationQuery(d).executeUpdate();
        });
    }

    private void nativeAndEntity(SessionFactory sf) {
        shape(sf, "native: select *", s -> s.createNativeQuery("select * from users where id <= 5 order by id", Object[].class).getResultList());
        shape(sf, "native: status columns", s -> s.createNativeQuery(
                "select u.id, u.status from users u where u.status = 'gone' order by u.id", Object[].class).getResultList());
        shape(sf, "native: group by status", s -> s.createNativeQuery(
                "select status, count(*) from users group by status order by status", Object[].class).getResultList());
        shape(sf, OUT_OF_SCOPE_FUNCTION_BODY, s -> s.createNativeQuery("select gone_members()", Long.class).getSingleResult());
        shape(sf, "entity: find by id", s -> s.find(Member.class, 5L));
        shape(sf, "entity: lazy collection", s -> s.find(Member.class, 10L).purchases.size());
        shape(sf, "entity: dirty update", s -> s.find(Member.class, 12L).name = "dirty");
        shape(sf, "entity: persist a purchase", s -> {
            Purchase p = new Purchase();
            p.id = 10_000L;
            p.member = s.getReference(Member.class, 3L);
            p.amount = new BigDecimal("9.99");
            p.placedAt = java.time.OffsetDateTime.parse("2025-05-05T10:00:00Z");
            s.persist(p);
        });
    }

    @Override
    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
    }

    @Override
    public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        if (!execInfo.isSuccess()) {
            return;
        }
        for (QueryInfo q : queryInfoList) {
            if (q.getParametersList().isEmpty()) {
                captured.add(new Replayable(shape, q.getQuery(), List.of()));
            }
            for (List<ParameterSetOperation> binds : q.getParametersList()) {
                captured.add(new Replayable(shape, q.getQuery(), binds));
            }
        }
    }
}
