package com.phuketapp.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.phuketapp.catalog.domain.CatalogCaches;
import com.phuketapp.support.Accounts;
import com.phuketapp.support.CatalogFixtures;
import com.phuketapp.support.Http;
import com.phuketapp.support.IntegrationTest;
import com.phuketapp.support.TestInfrastructure;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Catalog reads are served from Redis, a change evicts what it affects, and a Redis outage only slows reads. */
class CatalogCacheTest extends IntegrationTest {

    @Autowired
    private CatalogApi catalog;

    @Autowired
    private StringRedisTemplate redis;

    @Autowired
    private CacheManager caches;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void catalogReadsAreCachedInRedisUnderTheRunsPrefix() {
        String id = http.get("/v1/vehicles?type=car&per_page=1")
                .data()
                .get(0)
                .get("id")
                .asString();
        http.get("/v1/vehicles/" + id);
        LocalDate start = LocalDate.now().plusDays(10);
        http.get("/v1/vehicles/" + id + "/quote?startDate=" + start + "&endDate=" + start.plusDays(2));

        String prefix = "phuket-" + TestInfrastructure.RUN_ID + ":cache:";
        assertThat(redis.keys(prefix + "catalog.vehicle-pages::*")).isNotEmpty();
        assertThat(redis.keys(prefix + "catalog.vehicles::" + id)).hasSize(1);
        assertThat(redis.getExpire(prefix + "catalog.vehicles::" + id)).isBetween(3000L, 3600L);
        assertThat(redis.opsForValue().get(prefix + CatalogCaches.BOOKABLE_ITEMS + "::VEHICLE:" + id))
                .as("the terms a quote or a booking reads")
                .contains("\"unitPrice\"");
    }

    @Test
    void deactivatingAnItemRemovesItFromListDetailSearchAndBookingsAtOnce() {
        JsonNode tour = http.get("/v1/search?q=diving&per_page=1").data().get(0);
        UUID id = UUID.fromString(tour.get("id").asString());
        long listed = total("/v1/tours");
        assertThat(http.get("/v1/tours/" + id).status()).isEqualTo(200);
        assertThat(searchIds("diving")).contains(id.toString());
        assertThat(catalog.bookableItem(ItemKind.TOUR, id).orElseThrow().active())
                .isTrue(); // now cached

        catalog.setActive(ItemKind.TOUR, id, false);
        try {
            assertThat(catalog.bookableItem(ItemKind.TOUR, id).orElseThrow().active())
                    .as("the terms bookings are made on")
                    .isFalse();
            assertThat(http.get("/v1/tours/" + id).status()).isEqualTo(404);
            assertThat(total("/v1/tours")).isEqualTo(listed - 1);
            assertThat(searchIds("diving")).doesNotContain(id.toString());
        } finally {
            catalog.setActive(ItemKind.TOUR, id, true);
        }

        assertThat(http.get("/v1/tours/" + id).status()).isEqualTo(200);
        assertThat(total("/v1/tours")).isEqualTo(listed);
        assertThat(searchIds("diving")).contains(id.toString());
    }

    @Test
    void aStaleReadPutBackJustAfterAChangeIsEvictedAgain() {
        UUID id = UUID.fromString(http.get("/v1/vehicles?type=scooter&per_page=1")
                .data()
                .get(0)
                .get("id")
                .asString());
        BookableItem before = catalog.bookableItem(ItemKind.VEHICLE, id).orElseThrow();
        BigDecimal changed = before.unitPrice().add(BigDecimal.TEN);
        Accounts.Session admin = newAdmin();
        assertThat(http.json(
                                "PATCH",
                                "/v1/admin/vehicles/" + id,
                                "{\"dailyPrice\":\"" + changed + "\"}",
                                admin.bearer())
                        .status())
                .isEqualTo(200);
        long changedAt = System.nanoTime();

        // A read that fetched the row before the change committed puts it in the cache after the change's eviction.
        caches.getCache(CatalogCaches.BOOKABLE_ITEMS).put(CatalogCaches.bookableKey(ItemKind.VEHICLE, id), before);
        assumeThat(Duration.ofNanos(System.nanoTime() - changedAt))
                .as("the stale entry is in before the second eviction (two seconds after the change) is due")
                .isLessThan(Duration.ofMillis(1500));
        assertThat(catalog.bookableItem(ItemKind.VEHICLE, id).orElseThrow().unitPrice())
                .isEqualByComparingTo(before.unitPrice());

        try {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(
                            () -> catalog.bookableItem(ItemKind.VEHICLE, id)
                                    .orElseThrow()
                                    .unitPrice(),
                            changed::equals);
        } finally { // the sample scooter's own price again, for the other tests
            http.json(
                    "PATCH",
                    "/v1/admin/vehicles/" + id,
                    "{\"dailyPrice\":\"" + before.unitPrice() + "\"}",
                    admin.bearer());
        }
    }

    @Test
    void aRedisOutageDegradesHealthButCatalogReadsGoOn() throws Exception {
        assumeThat(TestInfrastructure.redisIsEmbedded())
                .as("only the embedded Redis can be stopped")
                .isTrue();
        TestInfrastructure.stopRedis();
        try {
            Http.Response list = http.get("/v1/properties?area=kata&per_page=3");
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.data().size()).isPositive();
            assertThat(http.get("/v1/search?q=villa").status()).isEqualTo(200);

            JsonNode health = http.get("/health").json();
            assertThat(health.get("status").asString()).isEqualTo("DEGRADED");
            assertThat(health.at("/checks/cache/status").asString()).isEqualTo("DOWN");
            assertThat(health.at("/checks/database/status").asString()).isEqualTo("UP");
            assertThat(http.get("/health/ready").status()).isEqualTo(200);
        } finally {
            TestInfrastructure.startRedisAgain();
            awaitHealthy();
        }
    }

    @Test
    void anItemDeactivatedWhileRedisTakesNoWritesIsNotBookableOnceItTakesThemAgain() {
        assumeThat(TestInfrastructure.redisIsEmbedded())
                .as("pausing a shared Redis would pause its other clients too")
                .isTrue();
        UUID scooter = new CatalogFixtures(jdbc).vehicle(new BigDecimal("270.00"), 2);
        LocalDate start = today().plusDays(12);
        String quote = "/v1/vehicles/" + scooter + "/quote?startDate=" + start + "&endDate=" + start.plusDays(2);
        assertThat(http.get(quote).status()).isEqualTo(200); // its terms are cached now

        // Redis keeps what it holds but takes no write for 4 s, past the change's second eviction (2 s after the
        // first): both fail, and the old terms stay in Redis with their hour to live.
        redis.execute((RedisCallback<Object>)
                connection -> connection.execute("CLIENT", bytes("PAUSE"), bytes("4000"), bytes("WRITE")));
        catalog.setActive(ItemKind.VEHICLE, scooter, false); // as an admin does

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        http.get(quote).json().at("/error/code").asString())
                .isEqualTo("ITEM_NOT_AVAILABLE"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private long total(String path) {
        return Long.parseLong(http.get(path).header("X-Total-Count").orElseThrow());
    }

    private java.util.List<String> searchIds(String query) {
        return http.get("/v1/search?per_page=100&q=" + query)
                .data()
                .valueStream()
                .map(hit -> hit.get("id").asString())
                .toList();
    }
}
