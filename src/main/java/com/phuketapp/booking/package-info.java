/**
 * Booking: availability, prices, holds, the booking lifecycle, idempotent creation and cancellation policy. The
 * database enforces that exclusive items are never double-booked and tours never overbooked; this module's events
 * ({@link com.phuketapp.booking.BookingCreated} and the others) tell the rest of the system what happened.
 */
@NullMarked
package com.phuketapp.booking;

import org.jspecify.annotations.NullMarked;
