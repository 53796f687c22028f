package com.phuketapp.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.phuketapp.catalog.BookableItem;
import com.phuketapp.catalog.ItemKind;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Prices, the cancellation policy and the lifecycle's rules, without Spring. */
class PricingTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 18);

    @Test
    void vehiclesCostDaysTimesTheDailyRateExactly() {
        Quote quote = Quote.of(item(ItemKind.VEHICLE, "333.33"), new Stay(DAY, DAY.plusDays(3)), 1, List.of());
        assertThat(quote.total()).isEqualByComparingTo("999.99");
        assertThat(quote.quantity()).isEqualTo(3);
        assertThat(quote.unit()).isEqualTo("day");
    }

    @Test
    void toursCostGuestsTimesThePricePerPerson() {
        Quote quote = Quote.of(item(ItemKind.TOUR, "1850.50"), Stay.of(ItemKind.TOUR, DAY, DAY), 4, List.of());
        assertThat(quote.total()).isEqualByComparingTo("7402.00");
        assertThat(quote.unit()).isEqualTo("person");
    }

    @Test
    void eachNightTakesTheHighestRateOfTheSeasonsCoveringIt() {
        List<Season> seasons = List.of(
                new Season("High season", LocalDate.of(2026, 11, 1), LocalDate.of(2027, 5, 1), new BigDecimal("1250")),
                new Season("Peak", LocalDate.of(2026, 12, 20), LocalDate.of(2027, 1, 11), new BigDecimal("1600")));
        // 18, 19 Dec: high season; 20, 21 Dec: peak.
        Quote quote = Quote.of(item(ItemKind.PROPERTY, "1000"), new Stay(DAY, DAY.plusDays(4)), 2, seasons);
        assertThat(quote.total()).isEqualByComparingTo("5700.00");
        assertThat(quote.lines()).extracting(Quote.Line::season).containsExactly("High season", "Peak");
        assertThat(quote.lines()).extracting(Quote.Line::quantity).containsExactly(2, 2);

        Quote offSeason = Quote.of(
                item(ItemKind.PROPERTY, "1000"),
                new Stay(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 3)),
                2,
                seasons);
        assertThat(offSeason.total()).isEqualByComparingTo("2000.00");
        assertThat(offSeason.lines().getFirst().season()).isNull();
    }

    @Test
    void cancellingIsFreeUntilTheWindowThenThePolicyFeeIsKept() {
        CancellationPolicy policy = new CancellationPolicy(Duration.ofDays(7), 50);
        Instant start = Instant.parse("2026-12-20T00:00:00Z");
        BigDecimal price = new BigDecimal("3333.33");
        assertThat(policy.fee(price, start, start.minus(Duration.ofDays(8)))).isEqualByComparingTo("0");
        assertThat(policy.fee(price, start, start.minus(Duration.ofDays(6)))).isEqualByComparingTo("1666.67");
        assertThatThrownBy(() -> new CancellationPolicy(Duration.ofHours(1), 101))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyTheContractsTransitionsAreLegal() {
        assertThat(BookingStatus.PENDING.canBecome(BookingStatus.CONFIRMED)).isTrue();
        assertThat(BookingStatus.PENDING.canBecome(BookingStatus.CANCELLED)).isTrue();
        assertThat(BookingStatus.PENDING.canBecome(BookingStatus.COMPLETED)).isFalse();
        assertThat(BookingStatus.CONFIRMED.canBecome(BookingStatus.COMPLETED)).isTrue();
        assertThat(BookingStatus.CONFIRMED.canBecome(BookingStatus.PENDING)).isFalse();
        assertThat(BookingStatus.CANCELLED.canBecome(BookingStatus.CONFIRMED)).isFalse();
        assertThat(BookingStatus.COMPLETED.canBecome(BookingStatus.CANCELLED)).isFalse();
    }

    @Test
    void confirmationCodesAreReadableAndDoNotRepeat() {
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = ConfirmationCodes.next();
            assertThat(code).matches("[2-9A-HJKMNP-TV-Z]{5}-[2-9A-HJKMNP-TV-Z]{5}");
            codes.add(code);
        }
        assertThat(codes).hasSize(10_000);
        // Every character of every position turns up: all of a code is random, not only its last digits.
        for (int position = 0; position < 11; position++) {
            if (position == 5) {
                continue;
            }
            int at = position;
            assertThat(codes.stream().map(code -> code.charAt(at)).distinct().count())
                    .as("characters seen at position %d", position)
                    .isEqualTo(30);
        }
    }

    private static BookableItem item(ItemKind kind, String price) {
        return new BookableItem(
                kind,
                UUID.randomUUID(),
                "Item",
                "Объект",
                true,
                new BigDecimal(price),
                4,
                1,
                30,
                EnumSet.allOf(DayOfWeek.class),
                kind == ItemKind.TOUR ? 20 : 1,
                kind == ItemKind.TOUR ? LocalTime.of(8, 30) : null);
    }
}
