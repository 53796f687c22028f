package com.phuketapp.identity;

import static com.phuketapp.identity.AuthHttpTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.phuketapp.identity.persistence.AccountRepository;
import com.phuketapp.support.Accounts;
import com.phuketapp.support.Http;
import com.phuketapp.support.IntegrationTest;
import com.phuketapp.support.TestInfrastructure;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A traveller's own account, the GDPR rights, and what admins may do, over real HTTP. */
class AccountHttpTest extends IntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private AccountRepository repository;

    private Accounts accounts;

    @BeforeEach
    void accounts() {
        accounts = new Accounts(http);
    }

    @Test
    void profileChangesOnlyWhatMayChange() {
        Accounts.Session session = accounts.register();

        Http.Response patched = http.json(
                "PATCH",
                "/v1/users/me",
                "{\"fullName\":\"Anna Smirnova\",\"phone\":\"+7 912 345 67 89\",\"locale\":\"ru\","
                        + "\"role\":\"admin\",\"email\":\"boss@phuket-app.com\",\"id\":\"" + UUID.randomUUID() + "\"}",
                session.bearer());

        assertThat(patched.status()).isEqualTo(200);
        JsonNode me = http.get("/v1/users/me", session.bearer()).data();
        assertThat(me.get("fullName").asString()).isEqualTo("Anna Smirnova");
        assertThat(me.get("phone").asString()).isEqualTo("+7 912 345 67 89");
        assertThat(me.get("locale").asString()).isEqualTo("ru");
        assertThat(me.get("role").asString()).isEqualTo("traveller");
        assertThat(me.get("email").asString()).isEqualTo(session.email());
        assertThat(me.get("id").asString()).isEqualTo(session.userId());
        assertThat(http.get("/v1/admin/users", session.bearer()).status()).isEqualTo(403);

        Http.Response invalid = http.json(
                "PATCH",
                "/v1/users/me",
                "{\"locale\":\"th\",\"phone\":\"call me\",\"fullName\":\"   \"}",
                session.bearer());
        assertThat(invalid.json().at("/error/details").valueStream().map(d -> d.get("field")
                        .asString()))
                .containsExactlyInAnyOrder("locale", "phone", "fullName");
    }

    @Test
    void thePhoneNumberIsEncryptedAtRestWithAKeyId() {
        Accounts.Session session = accounts.register();
        http.json("PATCH", "/v1/users/me", "{\"phone\":\"+66 89 000 1111\"}", session.bearer());

        String stored = jdbc.sql("SELECT phone FROM users WHERE id = :id")
                .param("id", UUID.fromString(session.userId()))
                .query(String.class)
                .single();

        assertThat(stored).startsWith("test-2026:").doesNotContain("89 000", "890001111");
    }

    @Test
    void aLoginWhosePasswordChangedDuringItsCheckDoesNotStart() {
        Accounts.Session session = accounts.register();
        UUID user = UUID.fromString(session.userId());
        String checked = jdbc.sql("SELECT password_hash FROM users WHERE id = :id")
                .param("id", user)
                .query(String.class)
                .single();
        Instant expires = Instant.now().plusSeconds(3600);
        // The password changes while a login's bcrypt check of the old one runs (it takes a quarter of a second).
        assertThat(http.json(
                                "PUT",
                                "/v1/users/me/password",
                                "{\"currentPassword\":\"" + Accounts.PASSWORD
                                        + "\",\"newPassword\":\"new-password-2027\"}",
                                session.bearer())
                        .status())
                .isEqualTo(204);

        assertThat(repository.createSession(UUID.randomUUID(), user, checked, expires))
                .as("the login that checked the old password")
                .isFalse();
        String current = jdbc.sql("SELECT password_hash FROM users WHERE id = :id")
                .param("id", user)
                .query(String.class)
                .single();
        assertThat(repository.createSession(UUID.randomUUID(), user, current, expires))
                .isTrue();
    }

    @Test
    void aPasswordChangeEndsEveryLogin() {
        Accounts.Session session = accounts.register();
        Accounts.Session phone = Accounts.session(
                session.email(),
                accounts.login(session.email(), Accounts.PASSWORD).data());
        assertThat(http.get("/v1/users/me", phone.bearer()).status()).isEqualTo(200);

        Http.Response wrongCurrent = http.json(
                "PUT",
                "/v1/users/me/password",
                "{\"currentPassword\":\"guess-guess\",\"newPassword\":\"new-password-2027\"}",
                session.bearer());
        assertThat(wrongCurrent.status()).isEqualTo(400);
        assertThat(wrongCurrent.json().at("/error/details/0/field").asString()).isEqualTo("currentPassword");

        Http.Response changed = http.json(
                "PUT",
                "/v1/users/me/password",
                "{\"currentPassword\":\"" + Accounts.PASSWORD + "\",\"newPassword\":\"new-password-2027\"}",
                session.bearer());

        assertThat(changed.status()).isEqualTo(204);
        assertRefused(http.get("/v1/users/me", session.bearer()), "TOKEN_REVOKED");
        assertRefused(http.get("/v1/users/me", phone.bearer()), "TOKEN_REVOKED");
        assertRefused(accounts.refresh(phone.refreshToken()), "TOKEN_REVOKED");
        assertThat(accounts.login(session.email(), Accounts.PASSWORD).status()).isEqualTo(401);
        assertThat(accounts.login(session.email(), "new-password-2027").status())
                .isEqualTo(200);
    }

    @Test
    void exportHoldsEverythingAboutTheCallerAndNothingAboutOthers() {
        Accounts.Session session = accounts.register();
        Accounts.Session stranger = accounts.register();
        http.json("PATCH", "/v1/users/me", "{\"phone\":\"+66 81 111 2222\"}", session.bearer());
        Http.Response device = http.json(
                "POST", "/v1/users/me/devices", "{\"token\":\"fcm-token-abc\",\"platform\":\"ios\"}", session.bearer());
        assertThat(device.status()).isEqualTo(201);
        accounts.login(session.email(), "wrong-password");

        JsonNode export = http.get("/v1/users/me/export", session.bearer()).data();

        assertThat(export.at("/account/email").asString()).isEqualTo(session.email());
        assertThat(export.at("/account/phone").asString()).isEqualTo("+66 81 111 2222");
        assertThat(export.at("/devices/0/token").asString()).isEqualTo("fcm-token-abc");
        assertThat(export.get("securityEvents")
                        .valueStream()
                        .map(e -> e.get("event").asString() + ":"
                                + e.get("outcome").asString()))
                .contains("register:success", "login:failure");
        assertThat(export.toString()).doesNotContain(stranger.email(), "password_hash", "$2a$");
    }

    @Test
    void aPhoneRegisteredByAnotherAccountLeavesTheOneBefore() {
        Accounts.Session before = accounts.register();
        Accounts.Session after = accounts.register();
        String token = "{\"token\":\"fcm-shared-" + UUID.randomUUID() + "\",\"platform\":\"android\"}";
        assertThat(http.json("POST", "/v1/users/me/devices", token, before.bearer())
                        .status())
                .isEqualTo(201);
        assertThat(http.json("POST", "/v1/users/me/devices", token, after.bearer())
                        .status())
                .isEqualTo(201);

        assertThat(http.get("/v1/users/me/export", before.bearer()).data().get("devices"))
                .isEmpty();
        assertThat(http.get("/v1/users/me/export", after.bearer()).data().get("devices"))
                .hasSize(1);
    }

    @Test
    void nobodyCanBlockAnErasureByTakingTheAddressTheErasedAccountGets() {
        Accounts.Session victim = accounts.register();
        // The account's id is no secret (it is the tokens' subject): the old erased form could be registered first.
        http.json(
                "POST",
                "/v1/auth/register",
                "{\"email\":\"erased-" + victim.userId() + "@invalid\",\"password\":\"" + Accounts.PASSWORD
                        + "\",\"fullName\":\"Squatter\"}");
        assertThat(http.json(
                                "POST",
                                "/v1/auth/register",
                                "{\"email\":\"erased:" + victim.userId() + "\",\"password\":\"" + Accounts.PASSWORD
                                        + "\",\"fullName\":\"Squatter\"}")
                        .status())
                .isEqualTo(400);

        assertThat(http.send("DELETE", "/v1/users/me", "", victim.bearer()).status())
                .isEqualTo(204);
    }

    @Test
    void erasureRemovesPersonalDataKeepsTheRowAndKillsTheTokens() {
        Accounts.Session session = accounts.register();
        http.json("PATCH", "/v1/users/me", "{\"phone\":\"+66 81 333 4444\"}", session.bearer());
        http.json("POST", "/v1/users/me/devices", "{\"token\":\"apns-xyz\",\"platform\":\"ios\"}", session.bearer());

        assertThat(http.send("DELETE", "/v1/users/me", "", session.bearer()).status())
                .isEqualTo(204);

        assertRefused(http.get("/v1/users/me", session.bearer()), "TOKEN_REVOKED");
        assertRefused(accounts.refresh(session.refreshToken()), "TOKEN_REVOKED");
        assertThat(accounts.login(session.email(), Accounts.PASSWORD).status()).isEqualTo(401);
        var row = jdbc.sql("SELECT email, full_name, phone FROM users WHERE id = :id")
                .param("id", UUID.fromString(session.userId()))
                .query()
                .singleRow();
        assertThat(row.get("email")).isEqualTo("erased:" + session.userId());
        assertThat(row.get("full_name")).isEqualTo("");
        assertThat(row.get("phone")).isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM devices WHERE user_id = :id")
                        .param("id", UUID.fromString(session.userId()))
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE user_id = :id AND event = 'erase'")
                        .param("id", UUID.fromString(session.userId()))
                        .query(Long.class)
                        .single())
                .isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE user_id = :id AND ip IS NOT NULL")
                        .param("id", UUID.fromString(session.userId()))
                        .query(Long.class)
                        .single())
                .as("addresses the security log held for the account")
                .isZero();
        // The address is free again.
        accounts.register(session.email());
    }

    @Test
    void adminsListAndDisableUsersWhoseTokensThenStopWorking() {
        Accounts.Session admin = newAdmin();
        Accounts.Session traveller = accounts.register();

        Http.Response listed = http.get("/v1/admin/users?email=" + traveller.email(), admin.bearer());
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.data().get(0).get("id").asString()).isEqualTo(traveller.userId());
        assertThat(listed.header("X-Total-Count")).contains("1");
        assertThat(http.get("/v1/users/me", traveller.bearer()).status())
                .as("a live login, now remembered")
                .isEqualTo(200);

        Http.Response disabled =
                http.send("POST", "/v1/admin/users/" + traveller.userId() + "/disable", "", admin.bearer());

        assertThat(disabled.status()).isEqualTo(204);
        assertRefused(http.get("/v1/users/me", traveller.bearer()), "TOKEN_REVOKED");
        assertThat(accounts.login(traveller.email(), Accounts.PASSWORD).status())
                .isEqualTo(401);
        assertThat(http.send("POST", "/v1/admin/users/" + traveller.userId() + "/enable", "", admin.bearer())
                        .status())
                .isEqualTo(204);
        Http.Response again = accounts.login(traveller.email(), Accounts.PASSWORD);
        assertThat(again.status()).isEqualTo(200);

        Http.Response forbidden = http.get(
                "/v1/admin/users",
                Accounts.session(traveller.email(), again.data()).bearer());
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().at("/error/code").asString()).isEqualTo("FORBIDDEN");
        assertThat(http.get("/v1/admin/users").status()).isEqualTo(401);
        assertThat(http.send("POST", "/v1/admin/users/" + UUID.randomUUID() + "/disable", "", admin.bearer())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aRedisOutageNeitherRevivesARevokedTokenNorStopsSignedInUsers() throws Exception {
        assumeThat(TestInfrastructure.redisIsEmbedded()).isTrue();
        Accounts.Session live = accounts.register();
        Accounts.Session loggedOut = accounts.register();
        http.json("POST", "/v1/auth/logout", "{}", loggedOut.bearer());

        TestInfrastructure.stopRedis();
        try {
            assertThat(http.get("/v1/users/me", live.bearer()).status()).isEqualTo(200);
            assertRefused(http.get("/v1/users/me", loggedOut.bearer()), "TOKEN_REVOKED");
            assertThat(accounts.login(live.email(), Accounts.PASSWORD).status()).isEqualTo(200);
        } finally {
            TestInfrastructure.startRedisAgain();
            awaitHealthy();
        }
        assertRefused(http.get("/v1/users/me", loggedOut.bearer()), "TOKEN_REVOKED");
    }
}
