package com.phuketapp.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.phuketapp.platform.ErrorCode;
import com.phuketapp.support.IntegrationTest;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * A database server that falls silent (a network partition, a host lost without a word) must not hold the app's
 * connections until TCP gives up, a quarter of an hour: they carry a socket timeout above the statement timeout, and a
 * connection whose server stops answering fails as an outage, which the app answers with a 503.
 */
class SilentDatabaseTest extends IntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Test
    void theAppsConnectionsGiveUpOnASilentServerOnlyAfterTheStatementTimeout() {
        // Every wait is bounded: a statement (or its wait for a lock), a transaction left idle, a silent server.
        JdbcClient jdbc = JdbcClient.create(dataSource);
        String statementTimeout =
                jdbc.sql("SHOW statement_timeout").query(String.class).single();
        assertThat(statementTimeout).isEqualTo("30s");
        assertThat(jdbc.sql("SHOW idle_in_transaction_session_timeout")
                        .query(String.class)
                        .single())
                .isEqualTo("1min");

        Properties properties = ((HikariDataSource) dataSource).getDataSourceProperties();
        Duration socketTimeout = Duration.ofSeconds(Long.parseLong(properties.getProperty("socketTimeout")));
        assertThat(socketTimeout).isGreaterThan(DurationStyle.detectAndParse(statementTimeout));
    }

    @Test
    // Without a socket timeout the second query would wait for ever, in a read no interrupt ends: the test's own
    // thread is given up on instead.
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aConnectionWhoseServerFallsSilentFailsAsAnOutage() throws Exception {
        HikariDataSource app = (HikariDataSource) dataSource;
        URI database = URI.create(app.getJdbcUrl().substring("jdbc:".length()));
        try (SilenceableProxy proxy = new SilenceableProxy(database.getHost(), database.getPort())) {
            Properties properties = new Properties();
            properties.putAll(app.getDataSourceProperties());
            properties.setProperty("socketTimeout", "1"); // the app's, shortened so that the test is quick
            properties.setProperty("user", app.getUsername());
            String throughProxy = app.getJdbcUrl().replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
            try (Connection connection = DriverManager.getConnection(throughProxy, properties)) {
                assertThat(selectOne(connection)).isEqualTo(1);

                proxy.fallSilent();
                SQLException failure = catchThrowableOfType(SQLException.class, () -> selectOne(connection));

                assertThat(failure.getSQLState()).as("a connection failure").startsWith("08");
                assertThat(ApiExceptionHandler.unexpected(
                                        new SQLErrorCodeSQLExceptionTranslator("PostgreSQL")
                                                .translate("query", "SELECT 1", failure),
                                        new MockHttpServletRequest("GET", "/v1/bookings"))
                                .code())
                        .isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
            }
        }
    }

    private static int selectOne(Connection connection) throws SQLException {
        try (ResultSet result = connection.createStatement().executeQuery("SELECT 1")) {
            result.next();
            return result.getInt(1);
        }
    }

    /** A TCP relay to the database that can start dropping every byte, as a partitioned network does. */
    private static final class SilenceableProxy implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private volatile boolean silent;

        SilenceableProxy(String host, int port) throws IOException {
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        Socket client = server.accept();
                        Socket database = new Socket(host, port);
                        sockets.addAll(List.of(client, database));
                        relay(client, database);
                        relay(database, client);
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
        }

        private void relay(Socket from, Socket to) {
            Thread.ofVirtual().start(() -> {
                byte[] buffer = new byte[8192];
                try (InputStream in = from.getInputStream()) {
                    OutputStream out = to.getOutputStream();
                    for (int read; (read = in.read(buffer)) >= 0; ) {
                        if (!silent) {
                            out.write(buffer, 0, read);
                            out.flush();
                        }
                    }
                } catch (IOException closed) {
                    // either side closed
                }
            });
        }

        void fallSilent() {
            silent = true;
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
