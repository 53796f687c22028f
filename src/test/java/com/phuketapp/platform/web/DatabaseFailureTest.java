package com.phuketapp.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.phuketapp.platform.ErrorCode;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * What PostgreSQL's refusals become once Spring has translated them as it does for the app's queries: a transaction
 * the database gave up on for a passing reason is a 503 the client may retry, never a 500.
 */
class DatabaseFailureTest {

    private final SQLErrorCodeSQLExceptionTranslator postgresql = new SQLErrorCodeSQLExceptionTranslator("PostgreSQL");
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/bookings");

    @Test
    void aDeadlockOrALockOrStatementTimeoutIsA503() {
        for (String sqlState : new String[] {"40P01", "55P03", "57014", "40001"}) {
            assertThat(answer(sqlState)).as(sqlState).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        }
    }

    @Test
    void aValuePostgresqlCannotStoreIsA400AndABugA500() {
        assertThat(answer("22P05")).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(answer("42703")).isEqualTo(ErrorCode.INTERNAL_ERROR); // an unknown column: our mistake
    }

    private ErrorCode answer(String sqlState) {
        DataAccessException translated =
                postgresql.translate("booking", "SELECT 1", new SQLException("refused", sqlState));
        return ApiExceptionHandler.unexpected(translated, request).code();
    }
}
