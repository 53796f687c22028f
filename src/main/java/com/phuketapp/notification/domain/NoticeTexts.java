package com.phuketapp.notification.domain;

import com.phuketapp.booking.BookingSummary;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The words of a notice in the traveller's language ({@code notification.*} in the message bundles). */
@Component
class NoticeTexts {

    private static final ZoneId PHUKET = ZoneId.of("Asia/Bangkok");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;

    NoticeTexts(MessageSource messages) {
        this.messages = messages;
    }

    record Text(String title, String body) {}

    Text of(Notice notice, String language) {
        Locale locale = Locale.forLanguageTag(language);
        BookingSummary booking = notice.booking();
        Object[] arguments = {
            "ru".equals(language) ? booking.itemNameRu() : booking.itemNameEn(),
            booking.confirmationCode(),
            booking.startDate().toString(),
            booking.endDate().toString(),
            booking.totalPrice().toPlainString() + " " + booking.currency(),
            notice.until() == null ? "" : TIME.format(notice.until().atZone(PHUKET)),
            notice.refund() == null ? "" : notice.refund().toPlainString() + " " + booking.currency()
        };
        String key = "expired".equals(notice.reason()) ? "notification.expired" : "notification." + notice.event();
        String body = messages.getMessage(key + ".body", arguments, locale);
        if ("cancelled".equals(notice.event())
                && notice.refund() != null
                && notice.refund().signum() > 0) {
            body += " " + messages.getMessage("notification.refund", arguments, locale);
        }
        return new Text(messages.getMessage(key + ".title", arguments, locale), body);
    }
}
