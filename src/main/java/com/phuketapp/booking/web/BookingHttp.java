package com.phuketapp.booking.web;

import com.phuketapp.booking.domain.Block;
import com.phuketapp.booking.domain.Booking;
import com.phuketapp.booking.domain.Quote;
import com.phuketapp.booking.domain.Season;
import com.phuketapp.payment.PaymentIntent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the booking endpoints take and return. Requests bind to these records only: a {@code status},
 * {@code totalPrice} or {@code userId} in a request body is ignored. Money is a decimal string in THB.
 */
final class BookingHttp {

    private BookingHttp() {}

    static final String ITEM_TYPE = "^(vehicle|property|tour)$";

    /** @param endDate exclusive; for a tour leave it out or repeat {@code startDate} */
    record BookingBody(
            @NotNull @Pattern(regexp = ITEM_TYPE) String itemType,
            @NotNull UUID itemId,
            @NotNull LocalDate startDate,
            @Nullable LocalDate endDate,
            @NotNull @Min(1) @Max(500) Integer guestsCount) {}

    record BlockBody(
            @NotNull LocalDate startDate, @NotNull LocalDate endDate, @NotBlank @Size(max = 200) String reason) {}

    record SeasonBody(
            @NotBlank @Size(max = 60) String name,
            @NotNull LocalDate startDate,
            @NotNull LocalDate endDate,
            @NotNull @Pattern(regexp = "^[0-9]{1,9}(\\.[0-9]{1,2})?$") @DecimalMin("0.01") String nightlyPrice) {

        Season season() {
            return new Season(name.strip(), startDate, endDate, new BigDecimal(nightlyPrice));
        }
    }

    record SeasonsBody(@NotNull @Size(max = 50) List<@Valid @NotNull SeasonBody> seasons) {}

    record Cancellation(String reason, String fee, String refund, Instant at) {}

    record BookingView(
            UUID id,
            String confirmationCode,
            UUID userId,
            String itemType,
            UUID itemId,
            String itemName,
            LocalDate startDate,
            LocalDate endDate,
            int guestsCount,
            String status,
            String totalPrice,
            String currency,
            String paymentMethod,
            String amountPaid,
            @Nullable Instant holdExpiresAt,
            @Nullable Cancellation cancellation,
            Instant createdAt,
            @Nullable Instant confirmedAt,
            @Nullable Instant completedAt,
            @Nullable PaymentView payment) {

        static BookingView of(Booking booking, Locale locale) {
            return of(booking, locale, null);
        }

        /** @param payment the card payment to complete in the app, when there is one */
        static BookingView of(Booking booking, Locale locale, @Nullable PaymentIntent payment) {
            Cancellation cancellation = booking.cancelledAt() == null
                    ? null
                    : new Cancellation(
                            String.valueOf(booking.cancellationReason()),
                            money(booking.cancellationFee()),
                            money(booking.refundAmount()),
                            booking.cancelledAt());
            return new BookingView(
                    booking.id(),
                    booking.confirmationCode(),
                    booking.userId(),
                    booking.itemKind().code(),
                    booking.itemId(),
                    "ru".equals(locale.getLanguage()) ? booking.itemNameRu() : booking.itemNameEn(),
                    booking.stay().start(),
                    booking.stay().end(),
                    booking.guests(),
                    booking.status().code(),
                    money(booking.totalPrice()),
                    booking.currency(),
                    booking.paymentMethod().code(),
                    money(booking.amountPaid()),
                    booking.holdExpiresAt(),
                    cancellation,
                    booking.createdAt(),
                    booking.confirmedAt(),
                    booking.completedAt(),
                    payment == null ? null : new PaymentView("stripe", payment.id(), payment.clientSecret()));
        }
    }

    /** What the app hands to Stripe's SDK to let the traveller pay. */
    record PaymentView(String provider, String paymentId, String clientSecret) {}

    record QuoteLine(
            LocalDate from, LocalDate until, int quantity, String unitPrice, String amount, @Nullable String season) {}

    record QuoteView(String totalPrice, String currency, String unit, int quantity, List<QuoteLine> lines) {

        static QuoteView of(Quote quote) {
            return new QuoteView(
                    money(quote.total()),
                    quote.currency(),
                    quote.unit(),
                    quote.quantity(),
                    quote.lines().stream()
                            .map(line -> new QuoteLine(
                                    line.from(),
                                    line.until(),
                                    line.quantity(),
                                    money(line.unitPrice()),
                                    money(line.amount()),
                                    line.season()))
                            .toList());
        }
    }

    /** @param endDate exclusive */
    record BlockView(
            UUID id,
            String itemType,
            UUID itemId,
            LocalDate startDate,
            LocalDate endDate,
            String reason,
            Instant createdAt) {

        static BlockView of(Block block) {
            return new BlockView(
                    block.id(),
                    block.itemKind().code(),
                    block.itemId(),
                    block.from(),
                    block.until(),
                    block.reason(),
                    block.createdAt());
        }
    }

    /** @param endDate exclusive */
    record SeasonView(String name, LocalDate startDate, LocalDate endDate, String nightlyPrice) {

        static SeasonView of(Season season) {
            return new SeasonView(season.name(), season.from(), season.until(), money(season.nightlyPrice()));
        }
    }

    static String money(@Nullable BigDecimal amount) {
        return amount == null
                ? "0.00"
                : amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
}
