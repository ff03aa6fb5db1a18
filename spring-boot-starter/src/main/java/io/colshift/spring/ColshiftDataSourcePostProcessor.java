package io.colshift.spring;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.ClassUtils;

import javax.sql.DataSource;
import java.util.Map;

/**
 * Points every {@link DataSource} bean that talks to PostgreSQL at colshift before its pool starts: the
 * {@code jdbc:postgresql:} URL becomes {@code jdbc:colshift:postgresql:}, the driver class
 * {@code io.colshift.driver.ColshiftDriver}, and the {@code colshift.*} settings become driver properties
 * (HikariCP) or URL parameters (other pools with a {@code url} or {@code jdbcUrl} property). So
 * {@code spring.datasource.url} stays what it is in every environment. A {@code jdbc:colshift:} URL is kept, a URL
 * of another database is left alone, and a DataSource without such properties is not touched.
 */
public final class ColshiftDataSourcePostProcessor implements BeanPostProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(ColshiftDataSourcePostProcessor.class);
    private static final boolean HIKARI = ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource",
            ColshiftDataSourcePostProcessor.class.getClassLoader());

    private final Map<String, String> settings;

    public ColshiftDataSourcePostProcessor(ColshiftProperties properties) {
        this.settings = Map.copyOf(properties.driverProperties());
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            if (HIKARI && dataSource instanceof HikariDataSource hikari) {
                configureHikari(hikari, beanName);
            } else {
                configureByProperties(dataSource, beanName);
            }
        }
        return bean;
    }

    private void configureHikari(HikariDataSource hikari, String beanName) {
        String url = ColshiftUrls.colshiftUrl(hikari.getJdbcUrl());
        if (url == null || hikari.isRunning()) {
            return; // another database, a pool built on a DataSource, or one already running
        }
        hikari.setJdbcUrl(url);
        hikari.setDriverClassName(ColshiftUrls.DRIVER_CLASS);
        settings.forEach((key, value) -> {
            if (!hikari.getDataSourceProperties().containsKey(key)) { // spring.datasource.hikari.* wins
                hikari.addDataSourceProperty(key, value);
            }
        });
        LOG.info("colshift: DataSource '{}' goes through colshift", beanName);
    }

    private void configureByProperties(DataSource dataSource, String beanName) {
        BeanWrapper bean = PropertyAccessorFactory.forBeanPropertyAccess(dataSource);
        String urlProperty = bean.isWritableProperty("jdbcUrl") ? "jdbcUrl"
                : bean.isWritableProperty("url") ? "url" : null;
        if (urlProperty == null || !bean.isReadableProperty(urlProperty)) {
            return;
        }
        Object current = bean.getPropertyValue(urlProperty);
        String url = ColshiftUrls.colshiftUrl(current instanceof String s ? s : null);
        if (url == null) {
            return;
        }
        bean.setPropertyValue(urlProperty, ColshiftUrls.withSettings(url, settings));
        if (bean.isWritableProperty("driverClassName")) {
            bean.setPropertyValue("driverClassName", ColshiftUrls.DRIVER_CLASS);
        }
        LOG.info("colshift: DataSource '{}' ({}) goes through colshift", beanName, dataSource.getClass().getName());
    }
}
