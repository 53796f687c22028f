package com.phuketapp.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for tests: what the mobile app would send, and the raw answer. */
public final class Http {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final JsonMapper json;

    Http(String base, JsonMapper json) {
        this.base = base;
        this.json = json;
    }

    public Response get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    /** A JSON request, as the apps send it. */
    public Response json(String method, String path, String body, String... headers) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Content-Type";
        all[headers.length + 1] = "application/json";
        return send(method, path, body, all);
    }

    public Response send(String method, String path, String body, String... headers) {
        return send(request(path, headers).method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response, json);
        } catch (IOException failure) {
            throw new IllegalStateException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /**
     * Each request comes from a client address of its own (through the trusted local proxy) unless it names one with
     * {@code X-Forwarded-For}: tests of other things are then never slowed by the per-address rate limits, which stay
     * on.
     */
    public HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        boolean addressed = false;
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
            addressed |= headers[i].equalsIgnoreCase("X-Forwarded-For");
        }
        if (!addressed) {
            builder.header("X-Forwarded-For", randomClientAddress());
        }
        return builder;
    }

    /** An address in 198.18.0.0/15, the range set aside for benchmarks and tests. */
    public static String randomClientAddress() {
        int host = java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << 17);
        return "198." + (18 + (host >> 16)) + "." + ((host >> 8) & 0xff) + "." + (host & 0xff);
    }

    public record Response(HttpResponse<String> raw, JsonMapper mapper) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public JsonNode json() {
            return mapper.readTree(raw.body());
        }

        public JsonNode data() {
            return json().get("data");
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.body();
        }
    }
}
