package com.phuketapp.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.phuketapp.support.Http;
import com.phuketapp.support.IntegrationTest;
import com.phuketapp.support.TestInfrastructure;
import org.junit.jupiter.api.Test;

/** The contract's rate limits as a client meets them, over real HTTP with Redis behind. */
class RateLimitHttpTest extends IntegrationTest {

    /** Tokens come back one per second (60 a minute), so a few more than 60 may pass while the loop runs. */
    @Test
    void aClientOverSixtyCatalogListsAMinuteGetsA429WithRetryAfter() {
        String client = Http.randomClientAddress();
        Http.Response first = http.get("/v1/tours?per_page=1", "X-Forwarded-For", client);
        assertThat(first.header("RateLimit").orElseThrow()).matches("\"catalog-list\";r=59;t=\\d+");
        int passed = 1;
        Http.Response limited = first;
        while (limited.status() == 200 && passed < 70) {
            limited = http.get("/v1/tours?per_page=1", "X-Forwarded-For", client);
            passed += limited.status() == 200 ? 1 : 0;
        }

        assertThat(passed).isBetween(60, 65);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().at("/error/code").asString()).isEqualTo("RATE_LIMITED");
        assertThat(Integer.parseInt(limited.header("Retry-After").orElseThrow()))
                .isBetween(1, 60);
        assertThat(limited.header("RateLimit-Policy")).contains("\"catalog-list\";q=60;w=60");
        assertThat(http.get("/v1/tours?per_page=1").status())
                .as("another client")
                .isEqualTo(200);
        assertThat(http.get("/v1/tours/" + java.util.UUID.randomUUID(), "X-Forwarded-For", client)
                        .status())
                .as("details are counted apart")
                .isEqualTo(404);
    }

    @Test
    void authIsLimitedToFivePerMinutePerAddress() {
        String client = Http.randomClientAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(login(client).status()).isEqualTo(401);
        }
        assertThat(login(client).status()).isEqualTo(429);
    }

    @Test
    void anIpv6CallerIsCountedPerSlash64() {
        String network = "2001:db8:" + Integer.toHexString(new java.util.Random().nextInt(0xffff)) + ":7:";
        for (int i = 1; i <= 5; i++) {
            assertThat(login(network + ":" + i).status()).isNotEqualTo(429);
        }
        assertThat(login(network + "abcd::99").status())
                .as("same /64, other address")
                .isEqualTo(429);
        assertThat(login("2001:db8:ffff:8::1").status()).as("other /64").isNotEqualTo(429);
    }

    @Test
    void signUpsFromOneAddressAreLimitedWhateverTokenTheyCarry() {
        String client = Http.randomClientAddress();
        // Each new account's token sent along with the next sign-up: still one address, one budget.
        String token = register(Http.randomClientAddress());
        for (int i = 0; i < 5; i++) {
            Http.Response signedUp = registerWith(token, client);
            assertThat(signedUp.status()).isEqualTo(201);
            token = signedUp.data().get("access_token").asString();
        }
        assertThat(registerWith(token, client).status()).isEqualTo(429);
    }

    @Test
    void signedInCallersAreCountedPerUserNotPerAddress() {
        String sharedAddress = Http.randomClientAddress();
        String first = register(Http.randomClientAddress());
        String second = register(Http.randomClientAddress());
        int passed = 0;
        while (me(first, sharedAddress).status() == 200 && passed < 40) {
            passed++;
        }
        assertThat(passed).isBetween(30, 34);
        assertThat(me(second, sharedAddress).status())
                .as("same address, other user")
                .isEqualTo(200);
    }

    @Test
    void withRedisDownLimitsAreCountedInProcessNeitherOpenNorShut() throws Exception {
        assumeThat(TestInfrastructure.redisIsEmbedded()).isTrue();
        String client = Http.randomClientAddress();
        TestInfrastructure.stopRedis();
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(login(client).status()).isEqualTo(401);
            }
            assertThat(login(client).status()).isEqualTo(429);
        } finally {
            TestInfrastructure.startRedisAgain();
            awaitHealthy();
        }
    }

    @Test
    void onlyListedOriginsMayCallFromABrowser() {
        Http.Response allowed = http.send(
                "OPTIONS",
                "/v1/auth/login",
                "",
                "Origin",
                WEB_APP_ORIGIN,
                "Access-Control-Request-Method",
                "POST",
                "Access-Control-Request-Headers",
                "content-type");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).contains(WEB_APP_ORIGIN);

        Http.Response refused = http.send(
                "OPTIONS",
                "/v1/auth/login",
                "",
                "Origin",
                "https://evil.example",
                "Access-Control-Request-Method",
                "POST");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().at("/error/code").asString()).isEqualTo("FORBIDDEN");
        assertThat(refused.header("Access-Control-Allow-Origin")).isEmpty();

        Http.Response simple = http.get("/v1/areas", "Origin", "https://evil.example");
        assertThat(simple.header("Access-Control-Allow-Origin")).isEmpty();
        assertThat(http.get("/v1/areas", "Origin", WEB_APP_ORIGIN)
                        .header("Access-Control-Expose-Headers")
                        .orElseThrow())
                .contains("X-Request-ID", "Retry-After");
    }

    private Http.Response login(String client) {
        return http.json(
                "POST",
                "/v1/auth/login",
                "{\"email\":\"nobody-" + client + "@example.com\",\"password\":\"wrong-password\"}",
                "X-Forwarded-For",
                client);
    }

    private String register(String client) {
        Http.Response response = http.json("POST", "/v1/auth/register", newAccount(), "X-Forwarded-For", client);
        assertThat(response.status()).isEqualTo(201);
        return response.data().get("access_token").asString();
    }

    private Http.Response registerWith(String token, String client) {
        return http.json(
                "POST",
                "/v1/auth/register",
                newAccount(),
                "Authorization",
                "Bearer " + token,
                "X-Forwarded-For",
                client);
    }

    private static String newAccount() {
        return "{\"email\":\"limits-" + java.util.UUID.randomUUID()
                + "@example.com\",\"password\":\"long-enough-1\",\"fullName\":\"R\"}";
    }

    private Http.Response me(String token, String client) {
        return http.get("/v1/users/me", "Authorization", "Bearer " + token, "X-Forwarded-For", client);
    }
}
