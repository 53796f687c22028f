package com.phuketapp.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
 * One local HTTP server, started once per test JVM, that speaks the wire formats of the outside services: SendGrid's
 * v3 mail send, Google's OAuth token endpoint and FCM's HTTP v1 send. By default every call succeeds; a test adds
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

    private static void stubSuccess(WireMockServer stubs) {
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
