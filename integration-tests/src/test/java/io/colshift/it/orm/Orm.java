package io.colshift.it.orm;

import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.hibernate.resource.jdbc.spi.StatementInspector;

import java.util.Map;

/** Plain Hibernate bootstrap (no container): one session factory over one JDBC URL. */
public final class Orm {

    private Orm() {
    }

    /**
     * @param url       a {@code jdbc:postgresql:} or {@code jdbc:colshift:postgresql:} URL
     * @param driver    extra driver properties (colshift's own settings)
     * @param inspector sees every SQL string Hibernate sends, or null
     * @param entities  the mapped classes
     */
    /** A session factory over {@code dataSource} that only checks the schema ({@code validate}). */
    public static SessionFactory sessionFactory(javax.sql.DataSource dataSource, Class<?>... entities) {
        Configuration cfg = new Configuration();
        for (Class<?> entity : entities) {
            cfg.addAnnotatedClass(entity);
        }
        cfg.getProperties().put("hibernate.connection.datasource", dataSource);
        cfg.setProperty("hibernate.hbm2ddl.auto", "validate");
        return cfg.buildSessionFactory();
    }

    public static SessionFactory sessionFactory(String url, String user, String password, Map<String, String> driver,
                                                String hbm2ddl, StatementInspector inspector, Class<?>... entities) {
        Configuration cfg = new Configuration();
        for (Class<?> entity : entities) {
            cfg.addAnnotatedClass(entity);
        }
        cfg.setProperty("hibernate.connection.url", url);
        cfg.setProperty("hibernate.connection.driver_class", url.startsWith("jdbc:colshift:")
                ? "io.colshift.driver.ColshiftDriver" : "org.postgresql.Driver");
        cfg.setProperty("hibernate.connection.username", user);
        cfg.setProperty("hibernate.connection.password", password);
        cfg.setProperty("hibernate.connection.pool_size", "2");
        cfg.setProperty("hibernate.hbm2ddl.auto", hbm2ddl);
        cfg.setProperty("hibernate.show_sql", "false");
        driver.forEach((k, v) -> cfg.setProperty("hibernate.connection." + k, v));
        if (inspector != null) {
            cfg.setStatementInspector(inspector);
        }
        return cfg.buildSessionFactory();
    }
}
