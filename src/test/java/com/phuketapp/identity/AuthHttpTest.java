package com.phuketapp.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.phuketapp.identity.domain.AccountService;
import com.phuketapp.identity.domain.SigningKeys;
import com.phuketapp.identity.domain.Tokens;
import com.phuketapp.support.Accounts;
import com.phuketapp.support.Http;
import com.phuketapp.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sign-up, sign-in and the token lifecycle over real HTTP, against PostgreSQL and Redis. */
class AuthHttpTest extends IntegrationTest {

    @Autowired
    private Tokens tokens;

    @Autowired
    private SigningKeys signingKeys;

    @Autowired
    private AccountService accountService;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private JsonMapper json;

    private Accounts accounts;

    @BeforeEach
    void accounts() {
        accounts = new Accounts(http);
    }

    @Test
    void registrationAnswersLikeLoginAndStoresABcryptHashOfCost12() {
        String email = Accounts.newEmail();
        Http.Response response = http.json(
                "POST",
                "/v1/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"" + Accounts.PASSWORD
                        + "\",\"fullName\":\"Ivan Ivanov\",\"phone\":\"+66 81 234 5678\",\"locale\":\"ru\"}");

        assertThat(response.status()).isEqualTo(201);
        JsonNode data = response.data();
        assertThat(data.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(data.get("expires_in").asInt()).isEqualTo(1800);
        assertThat(data.at("/user/email").asString()).isEqualTo(email);
        assertThat(data.at("/user/phone").asString()).isEqualTo("+66 81 234 5678");
        assertThat(data.at("/user/role").asString()).isEqualTo("traveller");
        assertThat(data.at("/user/passwordHash").isMissingNode()).isTrue();
        String hash = jdbc.sql("SELECT password_hash FROM users WHERE email = :e")
                .param("e", email)
                .query(String.class)
                .single();
        assertThat(hash).startsWith("$2a$12$");
        assertThat(accounts.login(email, Accounts.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void emailIsUniqueWhateverTheLetterCase() {
        String email = Accounts.newEmail();
        accounts.register(email);

        Http.Response again = http.json(
                "POST",
                "/v1/auth/register",
                "{\"email\":\"" + email.toUpperCase() + "\",\"password\":\"" + Accounts.PASSWORD
                        + "\",\"fullName\":\"Someone Else\"}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().at("/error/code").asString()).isEqualTo("EMAIL_TAKEN");
        assertThat(accounts.login(email.toUpperCase(), Accounts.PASSWORD).status())
                .isEqualTo(200);
    }

    @Test
    void passwordsAreCountedInCharactersBelowAndInBytesAbove() {
        assertThat(registerWith("seven77").status()).isEqualTo(400);
        assertThat(registerWith("p".repeat(64)).status()).isEqualTo(201);
        assertThat(registerWith("п".repeat(36)).status()).isEqualTo(201); // 72 bytes
        assertThat(registerWith("😀".repeat(18)).status()).isEqualTo(201); // 72 bytes
        Http.Response tooLong = registerWith("😀".repeat(19)); // 76 bytes: bcrypt would silently drop the rest
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().at("/error/details/0/field").asString()).isEqualTo("password");
        assertThat(registerWith("p".repeat(73))
                        .json()
                        .at("/error/details/0/field")
                        .asString())
                .isEqualTo("password");
    }

    @Test
    void unknownEmailAndWrongPasswordAnswerAlike() {
        String email = accounts.register().email();

        Http.Response wrongPassword = accounts.login(email, "not-the-password");
        Http.Response unknownEmail = accounts.login(Accounts.newEmail(), "not-the-password");

        for (Http.Response response : List.of(wrongPassword, unknownEmail)) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.json().at("/error/code").asString()).isEqualTo("INVALID_CREDENTIALS");
        }
        assertThat(wrongPassword.json().at("/error/message"))
                .isEqualTo(unknownEmail.json().at("/error/message"));
    }

    @Test
    void theAccessTokenOpensTheAccountAndNothingElseDoes() {
        Accounts.Session session = accounts.register();

        assertThat(http.get("/v1/users/me", session.bearer())
                        .data()
                        .get("email")
                        .asString())
                .isEqualTo(session.email());
        assertRefused(http.get("/v1/users/me"), "UNAUTHORIZED");
        assertRefused(http.get("/v1/users/me", "Authorization", "Bearer not.a.jwt"), "UNAUTHORIZED");
        assertRefused(http.get("/v1/users/me", "Authorization", "Basic dXNlcjpwYXNz"), "UNAUTHORIZED");
        assertRefused(http.get("/v1/users/me", "Authorization", "Bearer " + session.refreshToken()), "UNAUTHORIZED");
        assertRefused(
                http.get("/v1/users/me", "Authorization", "Bearer " + tampered(session.accessToken())), "UNAUTHORIZED");
        assertRefused(
                http.get("/v1/users/me", "Authorization", "Bearer " + unsigned(session.accessToken())), "UNAUTHORIZED");
        assertRefused(http.get("/v1/users/me", "Authorization", "Bearer " + "x".repeat(5000)), "UNAUTHORIZED");
    }

    @Test
    void anExpiredTokenSaysSo() {
        Accounts.Session session = accounts.register();
        UUID sessionId =
                UUID.fromString(claims(session.accessToken()).get("sid").asString());

        Tokens.Issued expired =
                tokens.issue(Tokens.Type.ACCESS, UUID.fromString(session.userId()), sessionId, Duration.ofMinutes(-5));

        assertRefused(http.get("/v1/users/me", "Authorization", "Bearer " + expired.token()), "TOKEN_EXPIRED");

        // An app that sends its token with every request can still refresh, or sign in, once that token ran out.
        Http.Response refreshed = http.json(
                "POST",
                "/v1/auth/refresh",
                "{\"refresh_token\":\"" + session.refreshToken() + "\"}",
                "Authorization",
                "Bearer " + expired.token());
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        Http.Response signedIn = http.json(
                "POST",
                "/v1/auth/login",
                "{\"email\":\"" + session.email() + "\",\"password\":\"" + Accounts.PASSWORD + "\"}",
                "Authorization",
                "Bearer not.a.jwt");
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
    }

    @Test
    void anAccountTheAdminSettingsPromoteLosesItsLoginsAndItsPassword() {
        // The admin that ADMIN_EMAIL and ADMIN_PASSWORD name exists after start-up.
        Accounts.Session bootstrapped = Accounts.session(
                ADMIN_EMAIL, accounts.login(ADMIN_EMAIL, ADMIN_PASSWORD).data());
        assertThat(http.get("/v1/admin/users", bootstrapped.bearer()).status()).isEqualTo(200);

        // Someone signed up with the address the operators then name in ADMIN_EMAIL.
        Accounts.Session squatter = accounts.register();
        assertThat(http.get("/v1/admin/users", squatter.bearer()).status()).isEqualTo(403);

        accountService.ensureAdmin(squatter.email(), "the-operators-own-password");

        assertRefused(http.get("/v1/admin/users", squatter.bearer()), "TOKEN_REVOKED");
        assertRefused(accounts.refresh(squatter.refreshToken()), "TOKEN_REVOKED");
        assertThat(accounts.login(squatter.email(), Accounts.PASSWORD).status()).isEqualTo(401);
        Accounts.Session admin = Accounts.session(
                squatter.email(),
                accounts.login(squatter.email(), "the-operators-own-password").data());
        assertThat(http.get("/v1/admin/users", admin.bearer()).status()).isEqualTo(200);
    }

    @Test
    void aRefreshTokenIsNeverAnAccessTokenNorTheReverse() {
        Accounts.Session session = accounts.register();

        assertRefused(accounts.refresh(session.accessToken()), "UNAUTHORIZED");
        assertThat(claims(session.accessToken()).get("type").asString()).isEqualTo("access");
        assertThat(claims(session.refreshToken()).get("type").asString()).isEqualTo("refresh");
    }

    @Test
    void refreshingRotatesAndASpentTokenRevokesTheWholeLogin() {
        Accounts.Session session = accounts.register();

        Http.Response first = accounts.refresh(session.refreshToken());
        assertThat(first.status()).isEqualTo(200);
        Accounts.Session rotated = Accounts.session(session.email(), first.data());
        assertThat(rotated.refreshToken()).isNotEqualTo(session.refreshToken());
        assertThat(http.get("/v1/users/me", rotated.bearer()).status()).isEqualTo(200);

        assertRefused(accounts.refresh(session.refreshToken()), "TOKEN_REVOKED");

        assertRefused(http.get("/v1/users/me", rotated.bearer()), "TOKEN_REVOKED");
        assertRefused(http.get("/v1/users/me", session.bearer()), "TOKEN_REVOKED");
        assertRefused(accounts.refresh(rotated.refreshToken()), "TOKEN_REVOKED");
        assertThat(accounts.login(session.email(), Accounts.PASSWORD).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT outcome FROM audit_log WHERE user_id = :id AND event = 'refresh_reuse'")
                        .param("id", UUID.fromString(session.userId()))
                        .query(String.class)
                        .list())
                .containsExactly("failure");
    }

    @Test
    void simultaneousRefreshesWithOneTokenNeverBothSucceed() throws Exception {
        Accounts.Session session = accounts.register();
        int callers = 8;
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> statuses = java.util.stream.IntStream.range(0, callers)
                    .mapToObj(i -> pool.submit(() -> {
                        start.await();
                        return accounts.refresh(session.refreshToken()).status();
                    }))
                    .toList();
            start.countDown();
            long succeeded = 0;
            for (Future<Integer> status : statuses) {
                int code = status.get();
                assertThat(code).isIn(200, 401);
                succeeded += code == 200 ? 1 : 0;
            }
            assertThat(succeeded).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void logoutStopsBothTokensAtOnce() {
        Accounts.Session session = accounts.register();
        Accounts.Session other = Accounts.session(
                session.email(),
                accounts.login(session.email(), Accounts.PASSWORD).data());

        Http.Response logout = http.json(
                "POST", "/v1/auth/logout", "{\"refresh_token\":\"" + session.refreshToken() + "\"}", session.bearer());

        assertThat(logout.status()).isEqualTo(204);
        assertRefused(http.get("/v1/users/me", session.bearer()), "TOKEN_REVOKED");
        assertRefused(accounts.refresh(session.refreshToken()), "TOKEN_REVOKED");
        assertThat(http.get("/v1/users/me", other.bearer()).status())
                .as("another login goes on")
                .isEqualTo(200);
        assertRefused(http.json("POST", "/v1/auth/logout", "{}"), "UNAUTHORIZED");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE user_id = :id AND event = 'logout'")
                        .param("id", UUID.fromString(session.userId()))
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void tokensCarryTheirKeyIdAndSurviveAKeyRotation() {
        Accounts.Session before = accounts.register();
        String oldKid = header(before.accessToken()).get("kid").asString();
        assertThat(header(before.accessToken()).get("alg").asString()).isEqualTo("ES256");

        signingKeys.rotate();
        Accounts.Session after = Accounts.session(
                before.email(),
                accounts.login(before.email(), Accounts.PASSWORD).data());

        String newKid = header(after.accessToken()).get("kid").asString();
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(http.get("/v1/users/me", before.bearer()).status()).isEqualTo(200);
        assertThat(accounts.refresh(before.refreshToken()).status()).isEqualTo(200);
        Http.Response jwks = http.get("/.well-known/jwks.json");
        assertThat(jwks.json().get("keys").valueStream().map(key -> key.get("kid")
                        .asString()))
                .contains(oldKid, newKid);
        assertThat(jwks.json().get("keys").valueStream())
                .allSatisfy(key -> assertThat(key.has("d")).isFalse());
    }

    @Test
    void requestBodiesAreCheckedBeforeAnythingHappens() {
        assertThat(http.send("POST", "/v1/auth/login", "email=a", "Content-Type", "text/plain")
                        .status())
                .isEqualTo(415);
        assertThat(http.json("POST", "/v1/auth/login", "{\"email\":").status()).isEqualTo(400);
        Http.Response huge = http.json(
                "POST", "/v1/auth/register", "{\"email\":\"a@b.co\",\"password\":\"" + "p".repeat(300_000) + "\"}");
        assertThat(huge.status()).isEqualTo(413);
        Http.Response missing = http.json("POST", "/v1/auth/register", "{}");
        assertThat(missing.json().at("/error/details").valueStream().map(d -> d.get("field")
                        .asString()))
                .contains("email", "password", "fullName");
    }

    private Http.Response registerWith(String password) {
        return http.json(
                "POST",
                "/v1/auth/register",
                "{\"email\":\"" + Accounts.newEmail() + "\",\"password\":\"" + password + "\",\"fullName\":\"P\"}");
    }

    static void assertRefused(Http.Response response, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.json().at("/error/code").asString()).isEqualTo(code);
    }

    private JsonNode claims(String jwt) {
        return part(jwt, 1);
    }

    private JsonNode header(String jwt) {
        return part(jwt, 0);
    }

    private JsonNode part(String jwt, int index) {
        return json.readTree(
                new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8));
    }

    /** The same token with one character of the signature changed. */
    private static String tampered(String jwt) {
        char last = jwt.charAt(jwt.length() - 2);
        return jwt.substring(0, jwt.length() - 2) + (last == 'A' ? 'B' : 'A') + jwt.charAt(jwt.length() - 1);
    }

    /** The same claims under {@code alg: none} with no signature. */
    private static String unsigned(String jwt) {
        String header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + jwt.split("\\.")[1] + ".";
    }
}
