package com.phuketapp.booking.domain;

import com.phuketapp.catalog.ItemKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Dates {@code [from, until)} an admin took an item off sale. */
public record Block(
        UUID id, ItemKind itemKind, UUID itemId, LocalDate from, LocalDate until, String reason, Instant createdAt) {

    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && date.isBefore(until);
    }
}
