package com.phuketapp.booking.persistence;

import com.phuketapp.booking.domain.Block;
import com.phuketapp.booking.domain.Season;
import com.phuketapp.booking.domain.Stay;
import com.phuketapp.catalog.ItemKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What decides whether dates are free besides the bookings: tour seats per date, admin blocks, seasonal rates. */
@Repository
public class AvailabilityRepository {

    private final JdbcClient jdbc;

    AvailabilityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@link #lockItem} if nobody holds the lock: at once, and {@code false} when another transaction does. */
    public boolean tryLockItem(UUID itemId) {
        return jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtextextended(CAST(:item AS text), 0))")
                .param("item", itemId)
                .query(Boolean.class)
                .single();
    }

    /**
     * Serialises, until the transaction ends, everyone booking or blocking this item: an admin's block and a
     * traveller's booking can then never both pass their checks for the same dates.
     */
    public void lockItem(UUID itemId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(CAST(:item AS text), 0))")
                .param("item", itemId)
                .query((rs, row) -> 1)
                .list();
    }

    /**
     * Takes {@code guests} seats of a tour's date in one statement that locks the date's row: concurrent bookings
     * queue on it, and the table's check refuses any total over the capacity. The capacity is the catalog's now: an
     * admin may have changed it since the date's first booking.
     *
     * @return whether enough seats were left
     */
    public boolean takeSeats(UUID tourId, LocalDate date, int capacity, int guests) {
        return jdbc.sql(
                        """
                        INSERT INTO tour_departures AS departure (tour_id, date, capacity, booked)
                        VALUES (:tour, :date, :capacity, :guests)
                        ON CONFLICT (tour_id, date) DO UPDATE
                            SET booked = departure.booked + excluded.booked, capacity = excluded.capacity
                        WHERE departure.booked + excluded.booked <= excluded.capacity
                        RETURNING booked""")
                .param("tour", tourId)
                .param("date", date)
                .param("capacity", capacity)
                .param("guests", guests)
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    public void releaseSeats(UUID tourId, LocalDate date, int guests) {
        jdbc.sql("UPDATE tour_departures SET booked = booked - :guests WHERE tour_id = :tour AND date = :date")
                .param("tour", tourId)
                .param("date", date)
                .param("guests", guests)
                .update();
    }

    /** Seats taken per date of a tour within {@code [from, to]}. */
    public List<Departure> departures(UUID tourId, LocalDate from, LocalDate to) {
        return jdbc.sql(
                        """
                        SELECT date, capacity, booked FROM tour_departures
                        WHERE tour_id = :tour AND date BETWEEN :from AND :to ORDER BY date""")
                .param("tour", tourId)
                .param("from", from)
                .param("to", to)
                .query((rs, row) -> new Departure(
                        rs.getObject("date", LocalDate.class), rs.getInt("capacity"), rs.getInt("booked")))
                .list();
    }

    public record Departure(LocalDate date, int capacity, int booked) {}

    public Block block(ItemKind kind, UUID itemId, LocalDate from, LocalDate until, String reason) {
        return jdbc.sql("INSERT INTO blocked_periods (item_kind, item_id, period, reason)"
                        + " VALUES (:kind, :item, daterange(:from, :until, '[)'), :reason) RETURNING " + BLOCK_COLUMNS)
                .param("kind", kind.code())
                .param("item", itemId)
                .param("from", from)
                .param("until", until)
                .param("reason", reason)
                .query(AvailabilityRepository::block)
                .single();
    }

    public boolean unblock(UUID blockId) {
        return jdbc.sql("DELETE FROM blocked_periods WHERE id = :id")
                        .param("id", blockId)
                        .update()
                == 1;
    }

    /** Blocks of an item that touch {@code [from, until)}. */
    public List<Block> blocks(UUID itemId, LocalDate from, LocalDate until) {
        return jdbc.sql("SELECT " + BLOCK_COLUMNS + " FROM blocked_periods"
                        + " WHERE item_id = :item AND period && daterange(:from, :until, '[)') ORDER BY lower(period)")
                .param("item", itemId)
                .param("from", from)
                .param("until", until)
                .query(AvailabilityRepository::block)
                .list();
    }

    /**
     * Whether a live booking (confirmed, or pending within its hold) of the exclusive item holds any of the stay's
     * dates. Read without the item's lock, so only an early answer: the exclusion constraint decides.
     */
    public boolean taken(UUID itemId, Stay stay, Instant now) {
        return jdbc.sql(
                        """
                        SELECT EXISTS (SELECT 1 FROM bookings
                                       WHERE item_id = :item AND item_kind <> 'tour'
                                         AND status IN ('pending', 'confirmed')
                                         AND daterange(start_date, end_date, '[)') && daterange(:from, :until, '[)')
                                         AND (status = 'confirmed' OR hold_expires_at > :now))""")
                .param("item", itemId)
                .param("from", stay.start())
                .param("until", stay.end())
                .param("now", java.sql.Timestamp.from(now))
                .query(Boolean.class)
                .single();
    }

    public Optional<Block> findBlock(UUID blockId) {
        return jdbc.sql("SELECT " + BLOCK_COLUMNS + " FROM blocked_periods WHERE id = :id")
                .param("id", blockId)
                .query(AvailabilityRepository::block)
                .optional();
    }

    /** Seasons of a property that touch {@code [from, until)}. */
    public List<Season> seasons(UUID propertyId, LocalDate from, LocalDate until) {
        return jdbc.sql(
                        """
                        SELECT name, lower(period) AS start, upper(period) AS finish, nightly_price
                        FROM property_seasons
                        WHERE property_id = :property AND period && daterange(:from, :until, '[)')
                        ORDER BY lower(period)""")
                .param("property", propertyId)
                .param("from", from)
                .param("until", until)
                .query((rs, row) -> new Season(
                        rs.getString("name"),
                        rs.getObject("start", LocalDate.class),
                        rs.getObject("finish", LocalDate.class),
                        rs.getBigDecimal("nightly_price")))
                .list();
    }

    public List<Season> seasons(UUID propertyId) {
        return seasons(propertyId, LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31));
    }

    /** Replaces every season of the property with these. */
    public void replaceSeasons(UUID propertyId, List<Season> seasons) {
        jdbc.sql("DELETE FROM property_seasons WHERE property_id = :property")
                .param("property", propertyId)
                .update();
        for (Season season : seasons) {
            jdbc.sql(
                            """
                            INSERT INTO property_seasons (property_id, name, period, nightly_price)
                            VALUES (:property, :name, daterange(:from, :until, '[)'), :price)""")
                    .param("property", propertyId)
                    .param("name", season.name())
                    .param("from", season.from())
                    .param("until", season.until())
                    .param("price", season.nightlyPrice())
                    .update();
        }
    }

    private static final String BLOCK_COLUMNS =
            "id, item_kind, item_id, lower(period) AS start, upper(period) AS finish, reason, created_at";

    private static Block block(ResultSet rs, int row) throws SQLException {
        return new Block(
                rs.getObject("id", UUID.class),
                ItemKind.fromCode(rs.getString("item_kind")).orElseThrow(),
                rs.getObject("item_id", UUID.class),
                rs.getObject("start", LocalDate.class),
                rs.getObject("finish", LocalDate.class),
                rs.getString("reason"),
                rs.getTimestamp("created_at").toInstant());
    }
}
