package com.phuketapp.booking;

import com.phuketapp.catalog.ItemKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A booking as the events carry it: enough for a listener to tell the traveller what happened without asking back.
 *
 * @param endDate exclusive for vehicles and properties; a tour's one date for tours
 */
public record BookingSummary(
        UUID bookingId,
        String confirmationCode,
        UUID userId,
        ItemKind itemKind,
        UUID itemId,
        String itemNameEn,
        String itemNameRu,
        LocalDate startDate,
        LocalDate endDate,
        int guests,
        BigDecimal totalPrice,
        String currency) {}
