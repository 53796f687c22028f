/**
 * Notification: tells travellers about their bookings by push (FCM HTTP v1) and email (SendGrid v3). Fed by events
 * only, and nothing depends on it. Each message is a durable job queued in the transaction of the change it reports,
 * so a crash between commit and send loses nothing; failed sends are retried and end up as dead letters.
 */
@NullMarked
package com.phuketapp.notification;

import org.jspecify.annotations.NullMarked;
