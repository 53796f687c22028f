package com.phuketapp.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * One local HTTP server, started once per test JVM, that speaks the wire formats of the outside services: Stripe's
 * payment intents and refunds, SendGrid's v3 mail send, Google's OAuth token endpoint and FCM's HTTP v1 send. By default every call succeeds; a test adds
 * its own stubs (matched on its own traveller's email or device token) to make calls fail.
 */
public final class OutsideServiceStubs {

    public static final String FCM_PROJECT = "phuket-test";

    private static WireMockServer server;

    private OutsideServiceStubs() {}

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            stubSuccess(server);
            System.setProperty("phuket.test.stubs-url", server.baseUrl());
            System.setProperty(
                    "phuket.test.fcm-credentials",
                    fcmCredentials(server.baseUrl()).toString());
        }
        return server;
    }

    /** Waits (up to 30 s) until the stub server received a request matching the pattern, and returns the first. */
    public static com.github.tomakehurst.wiremock.verification.LoggedRequest awaitOne(
            com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pattern) {
        return org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> server().findAll(pattern), requests -> !requests.isEmpty())
                .getFirst();
    }

    private static void stubSuccess(WireMockServer stubs) {
        // Stripe: a new PaymentIntent per call (a real Stripe would return the same one for a repeated idempotency
        // key).
        stubs.stubFor(post(urlEqualTo("/v1/payment_intents"))
                .atPriority(10)
                .willReturn(okJson(
                                """
                                {"id":"pi_{{randomValue length=20 type='ALPHANUMERIC'}}","object":"payment_intent",
                                 "amount":{{formData request.body 'form'}}{{form.amount}},"currency":"thb",
                                 "client_secret":"pi_secret_{{randomValue length=20 type='ALPHANUMERIC'}}",
                                 "status":"requires_payment_method","metadata":{}}""")
                        .withTransformers("response-template")));
        stubs.stubFor(get(urlPathEqualTo("/v1/refunds"))
                .atPriority(10)
                .willReturn(okJson("{\"object\":\"list\",\"data\":[],\"has_more\":false,\"url\":\"/v1/refunds\"}")));
        stubs.stubFor(post(urlEqualTo("/v1/refunds"))
                .atPriority(10)
                .willReturn(okJson(
                        "{\"id\":\"re_test\",\"object\":\"refund\",\"currency\":\"thb\",\"status\":\"succeeded\"}")));
        stubs.stubFor(post(urlEqualTo("/v3/mail/send"))
                .atPriority(10)
                .willReturn(aResponse().withStatus(202)));
        stubs.stubFor(post(urlEqualTo("/token"))
                .atPriority(10)
                .willReturn(okJson("{\"access_token\":\"test-access-token\",\"expires_in\":3599,"
                        + "\"token_type\":\"Bearer\"}")));
        stubs.stubFor(post(urlPathMatching("/v1/projects/" + FCM_PROJECT + "/messages:send"))
                .atPriority(10)
                .willReturn(okJson("{\"name\":\"projects/" + FCM_PROJECT + "/messages/0:1\"}")));
    }

    /** A Firebase service account key file, with a fresh RSA key, whose token endpoint is the stub server. */
    private static Path fcmCredentials(String baseUrl) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            String pem = "-----BEGIN PRIVATE KEY-----\\n"
                    + Base64.getEncoder()
                            .encodeToString(
                                    generator.generateKeyPair().getPrivate().getEncoded())
                    + "\\n-----END PRIVATE KEY-----\\n";
            Path file = Files.createTempFile("fcm-service-account", ".json");
            file.toFile().deleteOnExit();
            Files.writeString(
                    file,
                    "{\"type\":\"service_account\",\"project_id\":\"" + FCM_PROJECT + "\","
                            + "\"private_key_id\":\"test\",\"private_key\":\"" + pem + "\","
                            + "\"client_email\":\"push@" + FCM_PROJECT + ".iam.gserviceaccount.com\","
                            + "\"token_uri\":\"" + baseUrl + "/token\"}");
            return file;
        } catch (IOException | NoSuchAlgorithmException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
