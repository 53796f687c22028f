package com.phuketapp.booking;

/** The booking is confirmed: paid online, or accepted by an admin with payment due on arrival. */
public record BookingConfirmed(BookingSummary booking) {}
