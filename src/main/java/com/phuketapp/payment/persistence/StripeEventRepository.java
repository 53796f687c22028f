package com.phuketapp.payment.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class StripeEventRepository {

    private final JdbcClient jdbc;

    StripeEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Remembers the event in the caller's transaction. A concurrent delivery of the same event waits for it, then finds
     * it handled.
     *
     * @return whether it is new
     */
    public boolean remember(String eventId, String type) {
        return jdbc.sql("INSERT INTO stripe_events (event_id, type) VALUES (:id, :type) ON CONFLICT DO NOTHING")
                        .param("id", eventId)
                        .param("type", type)
                        .update()
                == 1;
    }
}
