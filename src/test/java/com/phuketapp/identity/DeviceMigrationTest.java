package com.phuketapp.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.phuketapp.support.TestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** V8 on a database that holds devices already: a token two accounts hold goes, a token one account holds stays. */
class DeviceMigrationTest {

    private final String database = "phuket_" + TestInfrastructure.RUN_ID + "_v8";
    private final String adminUrl = TestInfrastructure.postgresUrl();
    private SingleConnectionDataSource connection;

    @BeforeEach
    void createDatabase() throws SQLException {
        execute(adminUrl, "CREATE DATABASE " + database);
        connection = new SingleConnectionDataSource(
                adminUrl.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database), "postgres", "", true);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        connection.destroy();
        execute(adminUrl, "DROP DATABASE " + database + " WITH (FORCE)");
    }

    @Test
    void aTokenHeldByTwoAccountsIsForgottenAndOneHeldByOneStays() {
        migrate("7");
        JdbcClient jdbc = JdbcClient.create(connection);
        UUID first = user(jdbc);
        UUID second = user(jdbc);
        device(jdbc, first, "shared");
        device(jdbc, second, "shared");
        device(jdbc, second, "own");

        migrate("latest");

        assertThat(jdbc.sql("SELECT token_hash FROM devices")
                        .query(String.class)
                        .list())
                .containsExactly("own");
        assertThatThrownBy(() -> device(jdbc, first, "own")).hasMessageContaining("devices_token_hash_key");
    }

    private void migrate(String target) {
        Flyway.configure()
                .dataSource(connection)
                .locations("classpath:db/migration")
                .target(target)
                .load()
                .migrate();
    }

    private static UUID user(JdbcClient jdbc) {
        return jdbc.sql("INSERT INTO users (email, password_hash, full_name) VALUES (:email, 'x', 'T') RETURNING id")
                .param("email", UUID.randomUUID() + "@example.com")
                .query(UUID.class)
                .single();
    }

    private static void device(JdbcClient jdbc, UUID user, String tokenHash) {
        jdbc.sql("INSERT INTO devices (user_id, token, token_hash, platform) VALUES (:user, 'sealed', :hash, 'ios')")
                .param("user", user)
                .param("hash", tokenHash)
                .update();
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection admin = DriverManager.getConnection(url, "postgres", "");
                Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }
}
