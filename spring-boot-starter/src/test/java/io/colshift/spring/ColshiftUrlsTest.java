package io.colshift.spring;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ColshiftUrlsTest {

    @Test
    void postgresqlUrlGainsTheColshiftPrefixAndOthersAreNotColshifts() {
        assertThat(ColshiftUrls.colshiftUrl("jdbc:postgresql://h:5432/db?ssl=true"))
                .isEqualTo("jdbc:colshift:postgresql://h:5432/db?ssl=true");
        assertThat(ColshiftUrls.colshiftUrl("jdbc:colshift:postgresql://h/db")).isEqualTo("jdbc:colshift:postgresql://h/db");
        assertThat(ColshiftUrls.colshiftUrl("jdbc:mysql://h/db")).isNull();
        assertThat(ColshiftUrls.colshiftUrl(null)).isNull();
    }

    @Test
    void settingsJoinTheQueryStringUnlessTheUrlSetsThemItself() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("colshift.pollMs", "250");
        settings.put("colshift.watchUrl", "jdbc:postgresql://direct/db?a=b");
        assertThat(ColshiftUrls.withSettings("jdbc:colshift:postgresql://h/db", settings))
                .isEqualTo("jdbc:colshift:postgresql://h/db?colshift.pollMs=250"
                        + "&colshift.watchUrl=jdbc%3Apostgresql%3A%2F%2Fdirect%2Fdb%3Fa%3Db");
        assertThat(ColshiftUrls.withSettings("jdbc:colshift:postgresql://h/db?colshift.pollMs=9", settings))
                .isEqualTo("jdbc:colshift:postgresql://h/db?colshift.pollMs=9"
                        + "&colshift.watchUrl=jdbc%3Apostgresql%3A%2F%2Fdirect%2Fdb%3Fa%3Db");
    }

    @Test
    void onlyAParameterOfTheSameNameKeepsASettingOutOfTheUrl() {
        Map<String, String> settings = Map.of("colshift.pollMs", "250");
        assertThat(ColshiftUrls.withSettings("jdbc:colshift:postgresql://h/db?app.colshift.pollMs=9", settings))
                .isEqualTo("jdbc:colshift:postgresql://h/db?app.colshift.pollMs=9&colshift.pollMs=250");
        assertThat(ColshiftUrls.withSettings("jdbc:colshift:postgresql://h/db?ApplicationName=colshift.pollMs=9",
                settings)).endsWith("&colshift.pollMs=250");
    }
}
