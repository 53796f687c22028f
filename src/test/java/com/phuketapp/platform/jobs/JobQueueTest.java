package com.phuketapp.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.phuketapp.platform.JobQueue;
import com.phuketapp.support.IntegrationTest;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A job is queued by the transaction of the change it reports, durably; db-scheduler's own bookkeeping commits on
 * connections of its own that do not wait for the disk.
 */
class JobQueueTest extends IntegrationTest {

    @Autowired
    private JobQueue queue;

    @Autowired
    private Scheduler scheduler;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private DataSource application;

    @Autowired
    private BookkeepingConnections bookkeeping;

    @Autowired
    private PlatformTransactionManager transactions;

    private final String marker = UUID.randomUUID().toString();

    @BeforeEach
    void holdTheJobs() {
        // The payloads below are no notice: they must not run.
        scheduler.pause();
    }

    @AfterEach
    void removeTheJobsAndGoOn() {
        jdbc.sql("DELETE FROM scheduled_tasks WHERE convert_from(task_data, 'UTF8') LIKE :marker")
                .param("marker", "%" + marker + "%")
                .update();
        scheduler.resume();
    }

    @Test
    void aJobIsWrittenByTheTransactionThatQueuesItAndGoesIfItRollsBack() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                    queue.enqueue("notification", Map.of("marker", marker, "case", "rolled back"));
                    assertThat(queued()).as("seen by the transaction itself").isEqualTo(1);
                    throw new IllegalStateException("the change fails after queuing its notice");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(queued()).isZero();

        transaction.executeWithoutResult(
                status -> queue.enqueue("notification", Map.of("marker", marker, "case", "committed")));
        assertThat(queued()).isEqualTo(1);
    }

    @Test
    void theSchedulersBookkeepingDoesNotWaitForTheDiskWhileTheApplicationDoes() throws SQLException {
        assertThat(bookkeeping.dataSource()).isNotSameAs(application);
        assertThat(synchronousCommit(bookkeeping.dataSource())).isEqualTo("off set by the connection");
        // The application's commits keep whatever the server says (CI's throwaway servers switch it off for all).
        assertThat(synchronousCommit(application)).doesNotEndWith("set by the connection");
        assertThat(((HikariDataSource) application).getDataSourceProperties().getProperty("options"))
                .as("the application's own connection settings, after the side pools were made")
                .doesNotContain("synchronous_commit");
        // Both keep the application's statement timeout.
        assertThat(JdbcClient.create(bookkeeping.dataSource())
                        .sql("SHOW statement_timeout")
                        .query(String.class)
                        .single())
                .isEqualTo("30s");
        assertThat(jdbc.sql("SHOW statement_timeout").query(String.class).single())
                .isEqualTo("30s");
    }

    private long queued() {
        return jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE convert_from(task_data, 'UTF8') LIKE :marker")
                .param("marker", "%" + marker + "%")
                .query(Long.class)
                .single();
    }

    private static String synchronousCommit(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet setting = connection
                        .createStatement()
                        .executeQuery("SELECT setting, source FROM pg_settings WHERE name = 'synchronous_commit'")) {
            setting.next();
            return setting.getString(1) + ("client".equals(setting.getString(2)) ? " set by the connection" : "");
        }
    }
}
