package io.colshift.driver;

import io.colshift.state.HeartbeatReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The adoption counters of one state holder, kept apart per application: per {@code ApplicationName} of the
 * connections, so that two versions of an application in one JVM (sharing the driver and the holder) report
 * separately. A connection looks its application's {@link AdoptionCounters} up once, when it is opened; its
 * statements then only increment them.
 *
 * <p>The holder's own application (the one of the connection that started it) comes first and reports on the
 * holder's own {@code clients} row; each further application gets its own row, in the order they were first seen
 * ({@link HeartbeatReport}). At most {@link #MAX_APPLICATIONS} names are kept apart: any later one is counted in
 * one shared bucket reported as {@value #OTHER_APPLICATIONS}, so that an application that invents names (one per
 * tenant, per request …) cannot grow the driver's memory or the table.
 *
 * <p>JMX ({@link #addTo}) shows the sum over the applications: the counts added up, each latency percentile the
 * highest of any application's last interval.
 */
final class ApplicationAdoption {

    /** How many application names one holder keeps apart, its own included. */
    static final int MAX_APPLICATIONS = 16;
    /** The application name reported for the bucket of every name beyond {@link #MAX_APPLICATIONS}. */
    static final String OTHER_APPLICATIONS = "(other applications)";

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationAdoption.class);
    /** Stands for "no ApplicationName set" as a map key. */
    private static final String UNNAMED = "\u0000unnamed";

    private record Application(String name, AdoptionCounters counters) {
    }

    private final AdoptionCounters own;
    private final Map<String, AdoptionCounters> byName = new ConcurrentHashMap<>();
    /** In the order first seen, the own application first: a position is a row, for the holder's lifetime. */
    private final List<Application> applications = new CopyOnWriteArrayList<>();
    /** Guarded by this. */
    private AdoptionCounters others;

    /** @param ownApplication the {@code ApplicationName} of the connection that started the holder, or null */
    ApplicationAdoption(String ownApplication) {
        own = new AdoptionCounters();
        byName.put(key(ownApplication), own);
        applications.add(new Application(ownApplication, own));
    }

    /** The counters of the holder's own application (also what a connection counts into by default). */
    AdoptionCounters own() {
        return own;
    }

    /**
     * The counters of a connection named {@code applicationName} (null: none set) that opens now, counted as open
     * until it calls {@link AdoptionCounters#connectionClosed()}; once per connection.
     */
    AdoptionCounters opened(String applicationName) {
        AdoptionCounters counters = of(applicationName);
        counters.connectionOpened();
        return counters;
    }

    /** The counters of the connections named {@code applicationName} (null: none set). */
    AdoptionCounters of(String applicationName) {
        String key = key(applicationName);
        AdoptionCounters found = byName.get(key);
        return found != null ? found : add(key, applicationName);
    }

    private synchronized AdoptionCounters add(String key, String applicationName) {
        AdoptionCounters found = byName.get(key);
        if (found != null) {
            return found;
        }
        if (applications.size() < MAX_APPLICATIONS) {
            AdoptionCounters counters = new AdoptionCounters();
            applications.add(new Application(applicationName, counters));
            byName.put(key, counters);
            return counters;
        }
        if (others == null) {
            others = new AdoptionCounters();
            applications.add(new Application(OTHER_APPLICATIONS, others));
            LOG.warn("colshift keeps the adoption counters of at most {} application names apart per server;"
                    + " connections of further names are counted together as \"{}\" (logged once)",
                    MAX_APPLICATIONS, OTHER_APPLICATIONS);
        }
        return others; // not remembered by name: the map stays bounded too
    }

    private static String key(String applicationName) {
        return applicationName == null ? UNNAMED : applicationName;
    }

    /**
     * The heartbeat's rows, the own application's first, each further one in the order first seen: application
     * name and counters ({@link AdoptionCounters#heartbeatJson()}, which ends each one's latency interval). An
     * application with no connection open any more has {@link HeartbeatReport#left() left} once its final counts
     * went out: its row is no longer renewed and ages out of {@code status}'s live drivers, as a stopped instance's
     * does — the holder's own row too, which names its first application.
     */
    List<HeartbeatReport> heartbeatReport() {
        List<HeartbeatReport> rows = new ArrayList<>(applications.size());
        for (Application a : applications) {
            boolean left = !a.counters().renewsRow();
            rows.add(new HeartbeatReport(a.name(), left ? null : a.counters().heartbeatJson(), left));
        }
        return rows;
    }

    /** Adds the {@code adoption.<id>.<counter>} sums over every application, in a stable order (JMX, status). */
    void addTo(Map<String, Long> into) {
        Map<String, Long> sums = new TreeMap<>();
        for (Application a : applications) {
            a.counters().addTo(sums);
        }
        into.putAll(sums);
    }

    /** How many applications are kept apart now, the bucket of further names included. */
    int applicationCount() {
        return applications.size();
    }
}
