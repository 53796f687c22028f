package com.phuketapp.booking.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A property's nightly rate for the nights {@code [from, until)}: high season, peak holidays. */
public record Season(String name, LocalDate from, LocalDate until, BigDecimal nightlyPrice) {

    public boolean covers(LocalDate night) {
        return !night.isBefore(from) && night.isBefore(until);
    }
}
