package com.phuketapp.booking.persistence;

import com.phuketapp.booking.domain.Booking;
import com.phuketapp.booking.domain.BookingFilter;
import com.phuketapp.booking.domain.BookingStatus;
import com.phuketapp.booking.domain.PaymentMethod;
import com.phuketapp.booking.domain.Stay;
import com.phuketapp.catalog.ItemKind;
import com.phuketapp.platform.PageQuery;
import com.phuketapp.platform.PageResult;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bookings table. Status changes are single statements guarded by the status they start from. */
@Repository
public class BookingRepository {

    private final JdbcClient jdbc;

    BookingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public enum Insert {
        INSERTED,
        /** An admin took some of the dates off sale. */
        BLOCKED,
        /** A pending booking whose hold ran out still holds some of these dates: expire it, then try again. */
        OVERDUE_HOLD,
        /** A live booking of the (exclusive) item holds some of these dates: the exclusion constraint refused it. */
        DATES_TAKEN,
        /** The confirmation code is someone else's already: draw another. */
        CODE_TAKEN
    }

    /**
     * Inserts the booking unless the dates are blocked or taken, in one statement that never fails the transaction:
     * {@code ON CONFLICT DO NOTHING} without a target covers the exclusion constraint and the unique code, and why
     * nothing was inserted is looked up only then. Call it holding the item's lock: every booking and block of the
     * item was then committed before this statement's snapshot, so what it reads is what the constraint judged.
     */
    public Insert insert(Booking booking) {
        String outcome = jdbc.sql(
                        """
                        WITH obstacle AS (
                            SELECT EXISTS (SELECT 1 FROM blocked_periods WHERE item_id = :item
                                           AND period && daterange(:start, :until, '[)')) AS blocked),
                        inserted AS (
                            INSERT INTO bookings (id, confirmation_code, user_id, item_kind, item_id, item_name_en,
                                item_name_ru, start_date, end_date, guests, status, total_price, currency, payment_method,
                                hold_expires_at, created_at, updated_at)
                            SELECT :id, :code, :user, :kind, :item, :nameEn, :nameRu, CAST(:start AS date),
                                CAST(:end AS date), :guests, :status, :price, :currency, :payment,
                                CAST(:hold AS timestamptz), CAST(:now AS timestamptz), CAST(:now AS timestamptz)
                            FROM obstacle WHERE NOT blocked
                            ON CONFLICT DO NOTHING
                            RETURNING 1)
                        SELECT CASE
                            WHEN EXISTS (SELECT 1 FROM inserted) THEN 'inserted'
                            WHEN (SELECT blocked FROM obstacle) THEN 'blocked'
                            ELSE (SELECT CASE WHEN bool_or(status = 'pending' AND hold_expires_at <= :now)
                                                  THEN 'overdue_hold'
                                              WHEN count(*) > 0 THEN 'dates_taken'
                                              ELSE 'code_taken' END
                                  FROM bookings WHERE item_id = :item AND item_kind <> 'tour'
                                    AND status IN ('pending', 'confirmed')
                                    AND daterange(start_date, end_date, '[)') && daterange(:start, :until, '[)'))
                            END""")
                .param("id", booking.id())
                .param("code", booking.confirmationCode())
                .param("user", booking.userId())
                .param("kind", booking.itemKind().code())
                .param("item", booking.itemId())
                .param("nameEn", booking.itemNameEn())
                .param("nameRu", booking.itemNameRu())
                .param("start", booking.stay().start())
                .param("end", booking.stay().end())
                .param("until", booking.stay().takenUntil())
                .param("guests", booking.guests())
                .param("status", booking.status().code())
                .param("price", booking.totalPrice())
                .param("currency", booking.currency())
                .param("payment", booking.paymentMethod().code())
                .param("hold", timestamp(booking.holdExpiresAt()))
                .param("now", Timestamp.from(booking.createdAt()))
                .query(String.class)
                .single();
        return Insert.valueOf(outcome.toUpperCase(Locale.ROOT));
    }

    public Optional<Booking> find(UUID id) {
        return jdbc.sql("SELECT * FROM bookings WHERE id = :id")
                .param("id", id)
                .query(BOOKING)
                .optional();
    }

    /** The booking, locked until the transaction ends: its status can be decided on safely. */
    public Optional<Booking> lock(UUID id) {
        return jdbc.sql("SELECT * FROM bookings WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(BOOKING)
                .optional();
    }

    /** Newest first. */
    public PageResult<Booking> list(BookingFilter filter, PageQuery page) {
        List<String> where = new ArrayList<>(List.of("true"));
        var params = new java.util.HashMap<String, Object>();
        if (filter.userId() != null) {
            where.add("user_id = :user");
            params.put("user", filter.userId());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            params.put("status", filter.status().code());
        }
        if (filter.itemKind() != null) {
            where.add("item_kind = :kind");
            params.put("kind", filter.itemKind().code());
        }
        if (filter.itemId() != null) {
            where.add("item_id = :item");
            params.put("item", filter.itemId());
        }
        if (filter.from() != null) {
            where.add("end_date >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("start_date <= :to");
            params.put("to", filter.to());
        }
        String condition = String.join(" AND ", where);
        long total = jdbc.sql("SELECT count(*) FROM bookings WHERE " + condition)
                .params(params)
                .query(Long.class)
                .single();
        List<Booking> items = jdbc.sql("SELECT * FROM bookings WHERE " + condition
                        + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.perPage())
                .param("offset", page.offset())
                .query(BOOKING)
                .list();
        return PageResult.of(items, page, total);
    }

    public Booking confirm(UUID id, Instant now) {
        return jdbc.sql(
                        """
                        UPDATE bookings SET status = 'confirmed', hold_expires_at = NULL, confirmed_at = :now,
                            updated_at = :now
                        WHERE id = :id AND status = 'pending' RETURNING *""")
                .param("id", id)
                .param("now", Timestamp.from(now))
                .query(BOOKING)
                .single();
    }

    public Booking cancel(UUID id, String reason, BigDecimal fee, BigDecimal refund, Instant now) {
        return jdbc.sql(
                        """
                        UPDATE bookings SET status = 'cancelled', hold_expires_at = NULL, cancellation_reason = :reason,
                            cancellation_fee = :fee, refund_amount = :refund, cancelled_at = :now, updated_at = :now
                        WHERE id = :id AND status IN ('pending', 'confirmed') RETURNING *""")
                .param("id", id)
                .param("reason", reason)
                .param("fee", fee)
                .param("refund", refund)
                .param("now", Timestamp.from(now))
                .query(BOOKING)
                .single();
    }

    public Booking complete(UUID id, Instant now) {
        return jdbc.sql(
                        """
                        UPDATE bookings SET status = 'completed', completed_at = :now, updated_at = :now
                        WHERE id = :id AND status = 'confirmed' RETURNING *""")
                .param("id", id)
                .param("now", Timestamp.from(now))
                .query(BOOKING)
                .single();
    }

    /** Remembers the payment the provider started for this booking (the first one, should a retry start another). */
    public void setPaymentReference(UUID id, String reference) {
        jdbc.sql("UPDATE bookings SET payment_reference = :reference, updated_at = now()"
                        + " WHERE id = :id AND payment_reference IS NULL")
                .param("id", id)
                .param("reference", reference)
                .update();
    }

    /**
     * Card payment could not start: the booking is paid on arrival and waits for an admin instead, until {@code hold}.
     * A hold that ran out by {@code now} stays as it is, to be cancelled: the fallback does not bring it back.
     */
    public void payOnArrival(UUID id, Instant now, Instant hold) {
        jdbc.sql(
                        """
                        UPDATE bookings SET payment_method = 'on_arrival', hold_expires_at = :hold, updated_at = now()
                        WHERE id = :id AND status = 'pending' AND payment_method = 'card' AND payment_reference IS NULL
                          AND hold_expires_at > :now""")
                .param("id", id)
                .param("now", Timestamp.from(now))
                .param("hold", Timestamp.from(hold))
                .update();
    }

    public void recordPayment(UUID id, String reference, BigDecimal amount) {
        jdbc.sql(
                        """
                        UPDATE bookings SET payment_reference = :reference, amount_paid = amount_paid + :amount,
                            updated_at = now()
                        WHERE id = :id""")
                .param("id", id)
                .param("reference", reference)
                .param("amount", amount)
                .update();
    }

    /**
     * Cancels up to {@code limit} pending bookings whose hold ran out, optionally only those of one item. Rows another
     * instance is sweeping are skipped, so every instance may run this at once.
     */
    public List<Booking> expireOverdue(@Nullable UUID itemId, Instant now, int limit) {
        return jdbc.sql(
                        """
                        UPDATE bookings SET status = 'cancelled', hold_expires_at = NULL, cancellation_reason = 'expired',
                            cancellation_fee = 0, refund_amount = 0, cancelled_at = :now, updated_at = :now
                        WHERE id IN (SELECT id FROM bookings
                                     WHERE status = 'pending' AND hold_expires_at <= :now
                                       AND (CAST(:item AS uuid) IS NULL OR item_id = :item)
                                     ORDER BY hold_expires_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING *""")
                .param("item", itemId)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(BOOKING)
                .list();
    }

    /**
     * Marks as reminded, and returns, bookings awaiting a card payment whose hold runs out between {@code now} and
     * {@code threshold}. One paid on arrival waits for an admin, not for its traveller; a hold already over (after an
     * outage of the sweeper) is told it expired, not that it soon will.
     */
    public List<Booking> remindExpiring(Instant now, Instant threshold, int limit) {
        return jdbc.sql(
                        """
                        UPDATE bookings SET expiry_reminded = true
                        WHERE id IN (SELECT id FROM bookings
                                     WHERE status = 'pending' AND payment_method = 'card' AND NOT expiry_reminded
                                       AND hold_expires_at > :now AND hold_expires_at <= :threshold
                                     ORDER BY hold_expires_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING *""")
                .param("now", Timestamp.from(now))
                .param("threshold", Timestamp.from(threshold))
                .param("limit", limit)
                .query(BOOKING)
                .list();
    }

    /** Completes confirmed bookings that are over: rentals and stays whose end has come, tours whose date has passed. */
    public List<Booking> completeFinished(LocalDate today, Instant now, int limit) {
        return jdbc.sql(
                        """
                        UPDATE bookings SET status = 'completed', completed_at = :now, updated_at = :now
                        WHERE id IN (SELECT id FROM bookings
                                     WHERE status = 'confirmed' AND (end_date < :today
                                         OR (end_date = :today AND item_kind <> 'tour'))
                                     ORDER BY end_date LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING *""")
                .param("today", today)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(BOOKING)
                .list();
    }

    /** Live bookings of one item that touch {@code [from, to]}. */
    public List<Booking> liveOf(UUID itemId, LocalDate from, LocalDate to) {
        return jdbc.sql(
                        """
                        SELECT * FROM bookings
                        WHERE item_id = :item AND status IN ('pending', 'confirmed')
                          AND start_date <= :to AND (end_date > :from OR (item_kind = 'tour' AND end_date = :from))
                        ORDER BY start_date""")
                .param("item", itemId)
                .param("from", from)
                .param("to", to)
                .query(BOOKING)
                .list();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static final RowMapper<Booking> BOOKING = (rs, row) -> new Booking(
            rs.getObject("id", UUID.class),
            rs.getString("confirmation_code"),
            rs.getObject("user_id", UUID.class),
            ItemKind.fromCode(rs.getString("item_kind")).orElseThrow(),
            rs.getObject("item_id", UUID.class),
            rs.getString("item_name_en"),
            rs.getString("item_name_ru"),
            new Stay(rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class)),
            rs.getInt("guests"),
            BookingStatus.of(rs.getString("status")),
            rs.getBigDecimal("total_price"),
            rs.getString("currency"),
            PaymentMethod.of(rs.getString("payment_method")),
            rs.getString("payment_reference"),
            rs.getBigDecimal("amount_paid"),
            instant(rs, "hold_expires_at"),
            rs.getString("cancellation_reason"),
            rs.getBigDecimal("cancellation_fee"),
            rs.getBigDecimal("refund_amount"),
            rs.getTimestamp("created_at").toInstant(),
            instant(rs, "confirmed_at"),
            instant(rs, "cancelled_at"),
            instant(rs, "completed_at"));
}
