package com.phuketapp.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import redis.embedded.RedisServer;

/**
 * The real PostgreSQL and Redis a test run talks to, started once per JVM. By default both are embedded (a PostgreSQL
 * from Maven, a Redis binary from the embedded-redis jar), so the suite needs nothing installed. With
 * {@code PHUKET_TEST_POSTGRES_URL} (a JDBC URL of a database to connect to first, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}) and {@code PHUKET_TEST_REDIS_URL} the machine's
 * servers are used instead. Either way the run gets a database and a Redis key prefix of its own, so runs never
 * collide.
 */
public final class TestInfrastructure {

    public static final String RUN_ID =
            "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private static String postgresUrl;
    private static String redisUrl;
    private static RedisServer embeddedRedis;
    private static int embeddedRedisPort;

    private TestInfrastructure() {}

    /** Starts (once) and publishes the run's database and Redis as {@code phuket.test.*} system properties. */
    public static synchronized void start() {
        if (postgresUrl != null) {
            return;
        }
        try {
            postgresUrl = startPostgres();
            redisUrl = startRedis();
        } catch (Exception failure) {
            throw new IllegalStateException("Could not start the test PostgreSQL/Redis", failure);
        }
        System.setProperty("phuket.test.postgres-url", postgresUrl);
        System.setProperty("phuket.test.redis-url", redisUrl);
        System.setProperty("phuket.cache.key-prefix", "phuket-" + RUN_ID + ":");
    }

    public static String redisUrl() {
        start();
        return redisUrl;
    }

    public static String postgresUrl() {
        start();
        return postgresUrl;
    }

    /** Stops the embedded Redis, to test how the app copes with its outage. Only for the embedded one. */
    public static synchronized void stopRedis() throws IOException {
        requireEmbeddedRedis();
        embeddedRedis.stop();
    }

    public static synchronized void startRedisAgain() throws IOException {
        requireEmbeddedRedis();
        embeddedRedis = new RedisServer(embeddedRedisPort);
        embeddedRedis.start();
    }

    public static boolean redisIsEmbedded() {
        start();
        return embeddedRedis != null;
    }

    private static void requireEmbeddedRedis() {
        if (embeddedRedis == null) {
            throw new IllegalStateException("Only the embedded Redis can be stopped by a test");
        }
    }

    private static String startPostgres() throws IOException, SQLException {
        String external = System.getenv("PHUKET_TEST_POSTGRES_URL");
        String adminUrl;
        if (external != null && !external.isBlank()) {
            adminUrl = external;
        } else {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(Files.createTempDirectory("phuket-test-pg"))
                    .setCleanDataDirectory(true)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres)));
            adminUrl = postgres.getJdbcUrl("postgres", "postgres");
        }
        String database = "phuket_" + RUN_ID;
        try (Connection connection = DriverManager.getConnection(adminUrl, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(adminUrl, database)));
        return adminUrl.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
    }

    private static String startRedis() throws IOException {
        String external = System.getenv("PHUKET_TEST_REDIS_URL");
        if (external != null && !external.isBlank()) {
            return external;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            embeddedRedisPort = socket.getLocalPort();
        }
        embeddedRedis = new RedisServer(embeddedRedisPort);
        embeddedRedis.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                embeddedRedis.stop();
            } catch (IOException ignored) {
                // the JVM is going away
            }
        }));
        return "redis://127.0.0.1:" + embeddedRedisPort;
    }

    private static void dropQuietly(String adminUrl, String database) {
        try (Connection connection = DriverManager.getConnection(adminUrl, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException ignored) {
            // an embedded server is deleted anyway; a leftover on a shared server is harmless and named by run
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the JVM is going away
        }
    }
}
