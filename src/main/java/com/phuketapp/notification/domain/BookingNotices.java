package com.phuketapp.notification.domain;

import com.phuketapp.booking.BookingCancelled;
import com.phuketapp.booking.BookingConfirmed;
import com.phuketapp.booking.BookingCreated;
import com.phuketapp.booking.BookingExpiring;
import com.phuketapp.platform.JobQueue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns booking events into queued push and email jobs. It listens synchronously, inside the booking's transaction:
 * the jobs are written with the booking change or not at all, and are sent after the commit.
 */
@Component
class BookingNotices {

    private final JobQueue jobs;

    BookingNotices(JobQueue jobs) {
        this.jobs = jobs;
    }

    @EventListener
    void on(BookingCreated created) {
        queue(Notice.of(created.booking().userId(), "created", created.booking(), created.holdExpiresAt(), null, null));
    }

    @EventListener
    void on(BookingConfirmed confirmed) {
        queue(Notice.of(confirmed.booking().userId(), "confirmed", confirmed.booking(), null, null, null));
    }

    @EventListener
    void on(BookingCancelled cancelled) {
        queue(Notice.of(
                cancelled.booking().userId(),
                "cancelled",
                cancelled.booking(),
                null,
                cancelled.reason(),
                cancelled.refund()));
    }

    @EventListener
    void on(BookingExpiring expiring) {
        queue(Notice.of(
                expiring.booking().userId(), "expiring", expiring.booking(), expiring.holdExpiresAt(), null, null));
    }

    private void queue(Notice notice) {
        jobs.enqueue(NoticeJob.NAME, notice);
    }
}
