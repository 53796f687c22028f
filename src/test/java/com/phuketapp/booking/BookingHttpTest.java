package com.phuketapp.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.phuketapp.booking.domain.BookingSweeper;
import com.phuketapp.catalog.CatalogApi;
import com.phuketapp.catalog.ItemKind;
import com.phuketapp.support.Accounts;
import com.phuketapp.support.AllAtOnce;
import com.phuketapp.support.CatalogFixtures;
import com.phuketapp.support.Http;
import com.phuketapp.support.IntegrationTest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Booking over real HTTP against the real PostgreSQL: availability, prices, idempotency, the lifecycle, bad input. */
class BookingHttpTest extends IntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private BookingSweeper sweeper;

    @Autowired
    private CatalogApi catalogApi;

    @Autowired
    private DataSource dataSource;

    private Accounts accounts;
    private CatalogFixtures catalog;

    @BeforeEach
    void setUp() {
        accounts = new Accounts(http);
        catalog = new CatalogFixtures(jdbc);
    }

    @Test
    void booksAVehiclePricedByTheDayWithAReadableCode() {
        Accounts.Session traveller = accounts.register();
        UUID scooter = catalog.vehicle(new BigDecimal("350.00"), 2);

        Http.Response created = book(traveller, "vehicle", scooter, today().plusDays(10), today().plusDays(13), 2);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode booking = created.data();
        assertThat(booking.get("status").asString()).isEqualTo("pending");
        assertThat(booking.get("totalPrice").asString()).isEqualTo("1050.00");
        assertThat(booking.get("currency").asString()).isEqualTo("THB");
        assertThat(booking.get("itemName").asString()).isEqualTo("Test scooter");
        assertThat(booking.get("confirmationCode").asString()).matches("[2-9A-HJKMNP-TV-Z]{5}-[2-9A-HJKMNP-TV-Z]{5}");
        assertThat(booking.get("holdExpiresAt").asString()).isNotBlank();
        assertThat(created.header("Idempotent-Replayed")).contains("false");

        String id = booking.get("id").asString();
        assertThat(http.get("/v1/bookings/" + id, traveller.bearer()).data().get("confirmationCode"))
                .isEqualTo(booking.get("confirmationCode"));
        Http.Response mine = http.get("/v1/bookings?status=pending", traveller.bearer());
        assertThat(mine.data()).hasSize(1);
        assertThat(mine.header("X-Total-Count")).contains("1");
        assertThat(http.get("/v1/bookings?status=confirmed", traveller.bearer()).data())
                .isEmpty();
        assertThat(http.get("/v1/bookings/" + id, "Accept-Language", "ru").status())
                .isEqualTo(401);
    }

    @Test
    void fiftyConcurrentRequestsForOverlappingDatesMakeExactlyOneBooking() throws Exception {
        UUID villa = catalog.property(new BigDecimal("4000.00"), 6, 1, 30);
        List<Accounts.Session> travellers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            travellers.add(accounts.register());
        }
        LocalDate start = today().plusDays(40);
        // Every range covers the night start + 4, so any two of them overlap.
        List<Http.Response> answers = AllAtOnce.send(
                50,
                i -> book(
                        travellers.get(i % travellers.size()),
                        "property",
                        villa,
                        start.plusDays(i % 5),
                        start.plusDays(5 + i % 3),
                        2));
        List<Integer> statuses = new ArrayList<>();
        for (Http.Response response : answers) {
            statuses.add(response.status());
            if (response.status() != 201) {
                assertThat(response.json().at("/error/code").asString()).isEqualTo("ITEM_NOT_AVAILABLE");
            }
        }
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 422).hasSize(49);
        assertThat(liveBookingsOf(villa)).isEqualTo(1);
    }

    @Test
    void backToBackStaysAreAllowedAndOverlapsAreNot() {
        Accounts.Session traveller = accounts.register();
        UUID villa = catalog.property(new BigDecimal("2500.00"), 4, 2, 30);
        LocalDate checkIn = today().plusDays(20);

        assertThat(book(traveller, "property", villa, checkIn, checkIn.plusDays(3), 2)
                        .status())
                .isEqualTo(201);
        assertThat(book(traveller, "property", villa, checkIn.plusDays(3), checkIn.plusDays(5), 2)
                        .status())
                .isEqualTo(201);
        assertThat(book(traveller, "property", villa, checkIn.minusDays(2), checkIn, 2)
                        .status())
                .isEqualTo(201);

        Http.Response overlapping = book(traveller, "property", villa, checkIn.plusDays(2), checkIn.plusDays(4), 2);
        assertThat(overlapping.status()).isEqualTo(422);
        assertThat(overlapping.json().at("/error/code").asString()).isEqualTo("ITEM_NOT_AVAILABLE");
        assertThat(liveBookingsOf(villa)).isEqualTo(3);
    }

    @Test
    void datesAlreadyTakenAreRefusedWithoutWaitingForTheItemsLock() throws Exception {
        Accounts.Session first = accounts.register();
        Accounts.Session second = accounts.register();
        UUID scooter = catalog.vehicle(new BigDecimal("300.00"), 2);
        LocalDate start = today().plusDays(30);
        assertThat(book(first, "vehicle", scooter, start, start.plusDays(3), 1).status())
                .isEqualTo(201);

        // Another booking of the scooter is in progress and holds its lock the whole time.
        try (Connection inProgress = dataSource.getConnection()) {
            inProgress.setAutoCommit(false);
            try (PreparedStatement lock =
                    inProgress.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(1, scooter.toString());
                lock.execute();
            }
            CompletableFuture<Http.Response> overlapping = CompletableFuture.supplyAsync(
                    () -> book(second, "vehicle", scooter, start.plusDays(1), start.plusDays(2), 1));

            Http.Response refused = overlapping.get(30, TimeUnit.SECONDS);

            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.json().at("/error/code").asString()).isEqualTo("ITEM_NOT_AVAILABLE");
            inProgress.rollback();
        }
        assertThat(liveBookingsOf(scooter)).isEqualTo(1);
    }

    @Test
    void tourSeatsAreNeverOverbookedUnderConcurrentRequests() throws Exception {
        UUID tour = catalog.tour(new BigDecimal("1800.00"), 10);
        List<Accounts.Session> travellers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            travellers.add(accounts.register());
        }
        LocalDate date = today().plusDays(15);
        List<Http.Response> answers =
                AllAtOnce.send(20, i -> book(travellers.get(i % travellers.size()), "tour", tour, date, null, 3));
        int booked = 0;
        for (Http.Response answer : answers) {
            if (answer.status() == 201) {
                booked++;
                assertThat(answer.data().get("totalPrice").asString()).isEqualTo("5400.00");
            } else {
                assertThat(answer.json().at("/error/code").asString()).isEqualTo("ITEM_NOT_AVAILABLE");
            }
        }
        assertThat(booked).isEqualTo(3);
        Integer seats = jdbc.sql("SELECT sum(guests) FROM bookings WHERE item_id = :tour AND status = 'pending'")
                .param("tour", tour)
                .query(Integer.class)
                .single();
        assertThat(seats).isEqualTo(9);

        assertThat(tourDay(tour, date).get("left").asInt()).isEqualTo(1);
        assertThat(book(travellers.get(0), "tour", tour, date, null, 1).status())
                .isEqualTo(201);
        assertThat(tourDay(tour, date).get("state").asString()).isEqualTo("full");
    }

    @Test
    void aTourDateTakesTheCapacityTheAdminSetsAfterItsFirstBooking() {
        UUID tour = catalog.tour(new BigDecimal("1000.00"), 20);
        Accounts.Session traveller = accounts.register();
        LocalDate date = today().plusDays(16);
        assertThat(book(traveller, "tour", tour, date, null, 8).status()).isEqualTo(201);

        assertThat(http.json("PATCH", "/v1/admin/tours/" + tour, "{\"capacity\":10}", admin().bearer())
                        .status())
                .isEqualTo(200);
        assertThat(book(traveller, "tour", tour, date, null, 3).status()).isEqualTo(422);
        assertThat(book(traveller, "tour", tour, date, null, 2).status()).isEqualTo(201);
        assertThat(tourDay(tour, date).get("state").asString()).isEqualTo("full");

        // Raised again, the date sells the new seats.
        assertThat(http.json("PATCH", "/v1/admin/tours/" + tour, "{\"capacity\":12}", admin().bearer())
                        .status())
                .isEqualTo(200);
        assertThat(book(traveller, "tour", tour, date, null, 2).status()).isEqualTo(201);
        assertThat(book(traveller, "tour", tour, date, null, 1).status()).isEqualTo(422);
    }

    @Test
    void retriesWithOneIdempotencyKeyNeverMakeASecondBooking() throws Exception {
        Accounts.Session traveller = accounts.register();
        UUID car = catalog.vehicle(new BigDecimal("1200.00"), 5);
        String key = "retry-" + UUID.randomUUID();

        Http.Response first = book(traveller, "vehicle", car, today().plusDays(5), today().plusDays(7), 1, key);
        Http.Response again = book(traveller, "vehicle", car, today().plusDays(5), today().plusDays(7), 1, key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(again.data().get("id")).isEqualTo(first.data().get("id"));

        Http.Response otherBody = book(traveller, "vehicle", car, today().plusDays(8), today().plusDays(9), 1, key);
        assertThat(otherBody.status()).isEqualTo(409);
        assertThat(otherBody.json().at("/error/code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        // Keys belong to their user: another traveller's same key is a new request.
        Http.Response someoneElse =
                book(accounts.register(), "vehicle", car, today().plusDays(8), today().plusDays(9), 1, key);
        assertThat(someoneElse.status()).isEqualTo(201);

        String concurrentKey = "double-tap-" + UUID.randomUUID();
        List<Http.Response> answers = AllAtOnce.send(
                8, i -> book(traveller, "vehicle", car, today().plusDays(20), today().plusDays(22), 1, concurrentKey));
        Set<String> ids = answers.stream()
                .peek(response ->
                        assertThat(response.status()).as(response.toString()).isEqualTo(201))
                .map(response -> response.data().get("id").asString())
                .collect(Collectors.toSet());
        assertThat(ids).hasSize(1);
        assertThat(liveBookingsOf(car)).isEqualTo(3);

        assertThat(book(traveller, "vehicle", car, today().plusDays(30), today().plusDays(31), 1, "no spaces allowed")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void anExpiredHoldFreesItsDatesAndTheSweeperCancelsIt() {
        Accounts.Session first = accounts.register();
        Accounts.Session second = accounts.register();
        UUID scooter = catalog.vehicle(new BigDecimal("300.00"), 2);
        UUID tour = catalog.tour(new BigDecimal("900.00"), 4);
        LocalDate start = today().plusDays(12);

        String held = book(first, "vehicle", scooter, start, start.plusDays(2), 1)
                .data()
                .get("id")
                .asString();
        assertThat(book(second, "vehicle", scooter, start, start.plusDays(2), 1).status())
                .isEqualTo(422);
        expireHold(held);
        // The next booking of the item frees overdue holds itself, before the sweeper comes round.
        assertThat(book(second, "vehicle", scooter, start, start.plusDays(2), 1).status())
                .isEqualTo(201);
        JsonNode expired = http.get("/v1/bookings/" + held, first.bearer()).data();
        assertThat(expired.get("status").asString()).isEqualTo("cancelled");
        assertThat(expired.at("/cancellation/reason").asString()).isEqualTo("expired");

        String seats =
                book(first, "tour", tour, start, null, 4).data().get("id").asString();
        assertThat(book(second, "tour", tour, start, null, 1).status()).isEqualTo(422);
        expireHold(seats);
        sweeper.sweep();
        assertThat(http.get("/v1/bookings/" + seats, first.bearer())
                        .data()
                        .get("status")
                        .asString())
                .isEqualTo("cancelled");
        assertThat(book(second, "tour", tour, start, null, 4).status()).isEqualTo(201);

        // A tour's seats held past their time are given back by the next booking of the tour, too.
        UUID fullTour = catalog.tour(new BigDecimal("900.00"), 4);
        String allSeats =
                book(first, "tour", fullTour, start, null, 4).data().get("id").asString();
        expireHold(allSeats);
        assertThat(book(second, "tour", fullTour, start, null, 4).status()).isEqualTo(201);
    }

    @Test
    void theLifecycleAllowsOnlyLegalTransitions() {
        Accounts.Session traveller = accounts.register();
        Accounts.Session admin = admin();
        UUID villa = catalog.property(new BigDecimal("3000.00"), 4, 1, 30);
        String id = book(traveller, "property", villa, today().plusDays(30), today().plusDays(32), 2)
                .data()
                .get("id")
                .asString();
        assertThat(http.send("POST", "/v1/bookings/" + id + "/cancel", "", traveller.bearer())
                        .status())
                .isEqualTo(200);
        assertThat(http.send("POST", "/v1/admin/bookings/" + id + "/confirm", "", admin.bearer())
                        .json()
                        .at("/error/code")
                        .asString())
                .isEqualTo("INVALID_STATUS_TRANSITION");

        String other = book(traveller, "property", villa, today().plusDays(30), today().plusDays(32), 2)
                .data()
                .get("id")
                .asString();
        Http.Response confirmed = http.send("POST", "/v1/admin/bookings/" + other + "/confirm", "", admin.bearer());
        assertThat(confirmed.data().get("status").asString()).isEqualTo("confirmed");
        assertThat(confirmed.data().get("holdExpiresAt")).isNull();
        assertThat(http.send("POST", "/v1/admin/bookings/" + other + "/confirm", "", admin.bearer())
                        .status())
                .isEqualTo(422);

        // Thirty days ahead is inside the free window (7 days): nothing is kept.
        Http.Response cancelled = http.send("POST", "/v1/bookings/" + other + "/cancel", "", traveller.bearer());
        assertThat(cancelled.data().get("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.data().at("/cancellation/fee").asString()).isEqualTo("0.00");
        Http.Response twice = http.send("POST", "/v1/bookings/" + other + "/cancel", "", traveller.bearer());
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.json().at("/error/code").asString()).isEqualTo("BOOKING_NOT_CANCELLABLE");
        assertThat(http.send("POST", "/v1/admin/bookings/" + other + "/complete", "", admin.bearer())
                        .status())
                .isEqualTo(422);

        // Unpaid, it may be cancelled even on its first day (confirmed, it could not: it has started).
        UUID scooter = catalog.vehicle(new BigDecimal("250.00"), 2);
        String startsToday = book(traveller, "vehicle", scooter, today(), today().plusDays(2), 1)
                .data()
                .get("id")
                .asString();
        assertThat(http.send("POST", "/v1/bookings/" + startsToday + "/cancel", "", traveller.bearer())
                        .data()
                        .get("status")
                        .asString())
                .isEqualTo("cancelled");
        String started = book(traveller, "vehicle", scooter, today(), today().plusDays(2), 1)
                .data()
                .get("id")
                .asString();
        http.send("POST", "/v1/admin/bookings/" + started + "/confirm", "", admin.bearer());
        assertThat(http.send("POST", "/v1/bookings/" + started + "/cancel", "", traveller.bearer())
                        .json()
                        .at("/error/code")
                        .asString())
                .isEqualTo("BOOKING_NOT_CANCELLABLE");
    }

    @Test
    void lateCancellationKeepsThePolicyFeeAndFinishedBookingsComplete() {
        Accounts.Session traveller = accounts.register();
        Accounts.Session admin = admin();
        UUID villa = catalog.property(new BigDecimal("5000.00"), 4, 1, 30);
        String late = book(traveller, "property", villa, today().plusDays(2), today().plusDays(4), 2)
                .data()
                .get("id")
                .asString();
        assertThat(http.send("POST", "/v1/admin/bookings/" + late + "/confirm", "", admin.bearer())
                        .status())
                .isEqualTo(200);

        JsonNode cancelled = http.send("POST", "/v1/bookings/" + late + "/cancel", "", traveller.bearer())
                .data();
        assertThat(cancelled.at("/cancellation/reason").asString()).isEqualTo("traveller");
        assertThat(cancelled.at("/cancellation/fee").asString()).isEqualTo("5000.00");
        // Paid on arrival: nothing was charged, so nothing goes back.
        assertThat(cancelled.at("/cancellation/refund").asString()).isEqualTo("0.00");

        String stay = book(traveller, "property", villa, today().plusDays(2), today().plusDays(4), 2)
                .data()
                .get("id")
                .asString();
        assertThat(http.send("POST", "/v1/admin/bookings/" + stay + "/confirm", "", admin.bearer())
                        .status())
                .isEqualTo(200);
        // Not before its last day: a completed booking no longer holds its dates.
        Http.Response early = http.send("POST", "/v1/admin/bookings/" + stay + "/complete", "", admin.bearer());
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().at("/error/code").asString()).isEqualTo("INVALID_STATUS_TRANSITION");
        assertThat(book(accounts.register(), "property", villa, today().plusDays(2), today().plusDays(4), 2)
                        .json()
                        .at("/error/code")
                        .asString())
                .isEqualTo("ITEM_NOT_AVAILABLE");
        jdbc.sql("UPDATE bookings SET start_date = :start, end_date = :end WHERE id = :id")
                .param("start", today().minusDays(3))
                .param("end", today())
                .param("id", UUID.fromString(stay))
                .update();
        sweeper.sweep();
        JsonNode completed =
                http.get("/v1/bookings/" + stay, traveller.bearer()).data();
        assertThat(completed.get("status").asString()).isEqualTo("completed");
        assertThat(completed.get("completedAt").asString()).isNotBlank();
    }

    @Test
    void travellersSeeAndCancelOnlyTheirOwnBookings() {
        Accounts.Session owner = accounts.register();
        Accounts.Session stranger = accounts.register();
        UUID scooter = catalog.vehicle(new BigDecimal("250.00"), 2);
        String id = book(owner, "vehicle", scooter, today().plusDays(3), today().plusDays(4), 1)
                .data()
                .get("id")
                .asString();

        assertThat(http.get("/v1/bookings/" + id, stranger.bearer()).status()).isEqualTo(404);
        assertThat(http.send("POST", "/v1/bookings/" + id + "/cancel", "", stranger.bearer())
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/v1/bookings", stranger.bearer()).data()).isEmpty();
        assertThat(http.get("/v1/bookings/" + UUID.randomUUID(), owner.bearer()).status())
                .isEqualTo(404);
        assertThat(http.get("/v1/bookings/not-a-uuid", owner.bearer()).status()).isEqualTo(400);
        assertThat(http.get("/v1/admin/bookings", owner.bearer()).status()).isEqualTo(403);

        Http.Response listed = http.get("/v1/admin/bookings?itemId=" + scooter + "&status=pending", admin().bearer());
        assertThat(listed.data()).hasSize(1);
        assertThat(listed.data().get(0).get("userId").asString()).isEqualTo(owner.userId());
    }

    @Test
    void seasonsPriceEachNightAndTheQuoteShowsHow() {
        Accounts.Session admin = admin();
        UUID villa = catalog.property(new BigDecimal("1000.00"), 4, 1, 30);
        LocalDate start = today().plusDays(60);
        String seasons = "{\"seasons\":[{\"name\":\"High\",\"startDate\":\"" + start.plusDays(2) + "\",\"endDate\":\""
                + start.plusDays(10) + "\",\"nightlyPrice\":\"1500\"},{\"name\":\"Peak\",\"startDate\":\""
                + start.plusDays(3) + "\",\"endDate\":\"" + start.plusDays(4) + "\",\"nightlyPrice\":\"2500.50\"}]}";
        Http.Response saved = http.json("PUT", "/v1/admin/properties/" + villa + "/seasons", seasons, admin.bearer());
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.data()).hasSize(2);

        // Nights: 2 × 1000 (no season), 1 × 1500, 1 × 2500.50 (peak beats high), 1 × 1500.
        JsonNode quote = http.get("/v1/properties/" + villa + "/quote?startDate=" + start + "&endDate="
                        + start.plusDays(5) + "&guests=2")
                .data();
        assertThat(quote.get("totalPrice").asString()).isEqualTo("7500.50");
        assertThat(quote.get("unit").asString()).isEqualTo("night");
        assertThat(quote.get("lines")).hasSize(4);
        assertThat(quote.at("/lines/2/season").asString()).isEqualTo("Peak");

        Http.Response booked = book(accounts.register(), "property", villa, start, start.plusDays(5), 2);
        assertThat(booked.data().get("totalPrice").asString()).isEqualTo("7500.50");

        for (String badPrice : List.of("-5", "0", "0.00", "1.234")) {
            Http.Response refused = http.json(
                    "PUT",
                    "/v1/admin/properties/" + villa + "/seasons",
                    "{\"seasons\":[{\"name\":\"Bad\",\"startDate\":\"" + start.plusDays(1) + "\",\"endDate\":\""
                            + start.plusDays(3) + "\",\"nightlyPrice\":\"" + badPrice + "\"}]}",
                    admin.bearer());
            assertThat(refused.status()).as(badPrice).isEqualTo(400);
            assertThat(refused.json().at("/error/details/0/field").asString()).contains("nightlyPrice");
        }
    }

    @Test
    void blockedDatesCannotBeBookedNorBlockedUnderABooking() {
        Accounts.Session traveller = accounts.register();
        Accounts.Session admin = admin();
        UUID villa = catalog.property(new BigDecimal("2000.00"), 4, 1, 30);
        LocalDate start = today().plusDays(50);
        Http.Response blocked = http.json(
                "POST",
                "/v1/admin/properties/" + villa + "/blocks",
                "{\"startDate\":\"" + start + "\",\"endDate\":\"" + start.plusDays(3)
                        + "\",\"reason\":\"Pool repair\"}",
                admin.bearer());
        assertThat(blocked.status()).as(blocked.toString()).isEqualTo(201);

        Http.Response refused = book(traveller, "property", villa, start.plusDays(2), start.plusDays(5), 2);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().at("/error/code").asString()).isEqualTo("ITEM_NOT_AVAILABLE");
        assertThat(book(traveller, "property", villa, start.plusDays(3), start.plusDays(5), 2)
                        .status())
                .isEqualTo(201);

        JsonNode calendar = http.get(
                        "/v1/properties/" + villa + "/availability?from=" + start + "&to=" + start.plusDays(5))
                .data();
        assertThat(calendar).hasSize(6);
        assertThat(calendar.get(0).get("state").asString()).isEqualTo("blocked");
        assertThat(calendar.get(3).get("state").asString()).isEqualTo("booked");
        assertThat(calendar.get(5).get("state").asString()).isEqualTo("free");

        Http.Response overBooking = http.json(
                "POST",
                "/v1/admin/properties/" + villa + "/blocks",
                "{\"startDate\":\"" + start.plusDays(4) + "\",\"endDate\":\"" + start.plusDays(6)
                        + "\",\"reason\":\"Owner\"}",
                admin.bearer());
        assertThat(overBooking.status()).isEqualTo(409);

        String blockId = blocked.data().get("id").asString();
        assertThat(http.send("DELETE", "/v1/admin/blocks/" + blockId, "", admin.bearer())
                        .status())
                .isEqualTo(204);
        assertThat(book(traveller, "property", villa, start, start.plusDays(3), 2)
                        .status())
                .isEqualTo(201);

        // A tour's one date is blocked by a block over that day, not by one that ends on it.
        UUID tour = catalog.tour(new BigDecimal("900.00"), 2);
        assertThat(http.json(
                                "POST",
                                "/v1/admin/tours/" + tour + "/blocks",
                                "{\"startDate\":\"" + start + "\",\"endDate\":\"" + start.plusDays(1)
                                        + "\",\"reason\":\"Boat in dock\"}",
                                admin.bearer())
                        .status())
                .isEqualTo(201);
        assertThat(book(traveller, "tour", tour, start, null, 2).status()).isEqualTo(422);
        assertThat(book(traveller, "tour", tour, start.plusDays(1), null, 2).status())
                .isEqualTo(201);
        // The refused booking took no seats: the whole tour is still free on the blocked day once unblocked.
        assertThat(jdbc.sql(
                                "SELECT coalesce(sum(booked), 0) FROM tour_departures WHERE tour_id = :tour AND date = :date")
                        .param("tour", tour)
                        .param("date", start)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void badBookingRequestsGetClearErrors() {
        Accounts.Session traveller = accounts.register();
        UUID scooter = catalog.vehicle(new BigDecimal("300.00"), 2);
        UUID villa = catalog.property(new BigDecimal("3000.00"), 4, 3, 14);
        LocalDate monday = today().plusDays(10).with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.MONDAY));
        UUID weekendTour = catalog.tour(new BigDecimal("1000.00"), 20, "{6,7}");

        assertError(book(traveller, "vehicle", scooter, today().plusDays(5), today().plusDays(3), 1), 400, "endDate");
        assertError(book(traveller, "vehicle", scooter, today().plusDays(5), today().plusDays(5), 1), 400, "endDate");
        assertError(
                book(traveller, "vehicle", scooter, today().minusDays(2), today().plusDays(1), 1), 400, "startDate");
        assertError(
                book(traveller, "vehicle", scooter, today().plusDays(400), today().plusDays(401), 1), 400, "startDate");
        assertError(book(traveller, "vehicle", scooter, today().plusDays(1), today().plusDays(200), 1), 400, "endDate");
        // 2^32 + 2 days: cut to an int, that would be a two-day rental.
        LocalDate farEnd = today().plusDays(1).plusDays(4_294_967_298L);
        assertError(book(traveller, "vehicle", scooter, today().plusDays(1), farEnd, 1), 400, "endDate");
        assertError(
                http.get(
                        "/v1/vehicles/" + scooter + "/quote?startDate=" + today().plusDays(1) + "&endDate="
                                + farEnd.toString().replace("+", "%2B"),
                        traveller.bearer()),
                400,
                "endDate");
        assertError(
                book(traveller, "vehicle", scooter, today().plusDays(1), today().plusDays(2), 0), 400, "guestsCount");
        assertError(
                book(traveller, "vehicle", scooter, today().plusDays(1), today().plusDays(2), 3), 422, "guestsCount");
        assertError(book(traveller, "property", villa, today().plusDays(1), today().plusDays(3), 2), 422, "endDate");
        assertError(book(traveller, "property", villa, today().plusDays(1), today().plusDays(20), 2), 422, "endDate");
        assertError(book(traveller, "tour", weekendTour, monday, null, 2), 422, "startDate");
        assertError(book(traveller, "tour", weekendTour, monday.plusDays(5), monday.plusDays(6), 2), 400, "endDate");
        // A tour that left at midnight cannot be joined today, only from tomorrow.
        UUID midnightTour = catalog.tour(new BigDecimal("1000.00"), 20);
        jdbc.sql("UPDATE tours SET start_time = '00:00' WHERE id = :id")
                .param("id", midnightTour)
                .update();
        LocalDate today = today();
        assertError(book(traveller, "tour", midnightTour, today, null, 2), 422, "startDate");
        assertThat(book(traveller, "tour", midnightTour, today.plusDays(1), null, 2)
                        .status())
                .isEqualTo(201);

        Http.Response unknownItem =
                book(traveller, "vehicle", UUID.randomUUID(), today().plusDays(1), today().plusDays(2), 1);
        assertThat(unknownItem.status()).isEqualTo(404);
        catalogApi.setActive(ItemKind.VEHICLE, scooter, false); // as an admin does: the cached terms go too
        Http.Response inactive = book(traveller, "vehicle", scooter, today().plusDays(1), today().plusDays(2), 1);
        assertThat(inactive.json().at("/error/code").asString()).isEqualTo("ITEM_NOT_AVAILABLE");

        assertError(
                post(
                        traveller,
                        "{\"itemType\":\"boat\",\"itemId\":\"" + villa + "\",\"startDate\":\"" + today().plusDays(5)
                                + "\",\"endDate\":\"" + today().plusDays(8) + "\",\"guestsCount\":1}"),
                400,
                "itemType");
        assertError(
                post(
                        traveller,
                        "{\"itemType\":\"property\",\"itemId\":\"nope\",\"startDate\":\"" + today().plusDays(5)
                                + "\",\"endDate\":\"" + today().plusDays(8) + "\",\"guestsCount\":1}"),
                400,
                "itemId");
        assertError(
                post(
                        traveller,
                        "{\"itemType\":\"property\",\"itemId\":\"" + villa + "\",\"startDate\":\"5 May\","
                                + "\"endDate\":\"" + today().plusDays(8) + "\",\"guestsCount\":1}"),
                400,
                "startDate");

        // Fields the server decides are ignored, whatever the client sends.
        Http.Response massAssigned = post(
                traveller,
                "{\"itemType\":\"property\",\"itemId\":\"" + villa
                        + "\",\"startDate\":\"" + today().plusDays(5) + "\",\"endDate\":\"" + today().plusDays(8)
                        + "\",\"guestsCount\":2,\"status\":\"confirmed\",\"totalPrice\":\"1.00\",\"userId\":\""
                        + UUID.randomUUID() + "\",\"confirmationCode\":\"AAAAA-AAAAA\"}");
        assertThat(massAssigned.status()).isEqualTo(201);
        assertThat(massAssigned.data().get("status").asString()).isEqualTo("pending");
        assertThat(massAssigned.data().get("totalPrice").asString()).isEqualTo("9000.00");
        assertThat(massAssigned.data().get("userId").asString()).isEqualTo(traveller.userId());
        assertThat(massAssigned.data().get("confirmationCode").asString()).isNotEqualTo("AAAAA-AAAAA");
    }

    private Http.Response book(
            Accounts.Session traveller, String type, UUID item, LocalDate start, LocalDate end, int guests) {
        return book(traveller, type, item, start, end, guests, null);
    }

    private Http.Response book(
            Accounts.Session traveller,
            String type,
            UUID item,
            LocalDate start,
            LocalDate end,
            int guests,
            String idempotencyKey) {
        String body = "{\"itemType\":\"" + type + "\",\"itemId\":\"" + item + "\",\"startDate\":\"" + start + "\""
                + (end == null ? "" : ",\"endDate\":\"" + end + "\"") + ",\"guestsCount\":" + guests + "}";
        if (idempotencyKey == null) {
            return http.json("POST", "/v1/bookings", body, traveller.bearer());
        }
        String[] headers = {traveller.bearer()[0], traveller.bearer()[1], "Idempotency-Key", idempotencyKey};
        return http.json("POST", "/v1/bookings", body, headers);
    }

    /** The tour's availability on one date: its state, capacity and seats left. */
    private JsonNode tourDay(UUID tour, LocalDate date) {
        return http.get("/v1/tours/" + tour + "/availability?from=" + date + "&to=" + date)
                .data()
                .get(0);
    }

    private Http.Response post(Accounts.Session traveller, String body) {
        return http.json("POST", "/v1/bookings", body, traveller.bearer());
    }

    private static void assertError(Http.Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().at("/error/details/0/field").asString())
                .as(response.toString())
                .isEqualTo(field);
    }

    private void expireHold(String bookingId) {
        jdbc.sql("UPDATE bookings SET hold_expires_at = now() - interval '1 minute' WHERE id = :id")
                .param("id", UUID.fromString(bookingId))
                .update();
    }

    private long liveBookingsOf(UUID item) {
        return jdbc.sql("SELECT count(*) FROM bookings WHERE item_id = :item AND status IN ('pending', 'confirmed')")
                .param("item", item)
                .query(Long.class)
                .single();
    }

    /** This test's own admin (see {@link #newAdmin()}), signed in on first use. */
    private Accounts.Session adminSession;

    private Accounts.Session admin() {
        if (adminSession == null) {
            adminSession = newAdmin();
        }
        return adminSession;
    }
}
