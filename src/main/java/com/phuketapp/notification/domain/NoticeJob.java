package com.phuketapp.notification.domain;

import com.phuketapp.identity.IdentityApi;
import com.phuketapp.notification.outbound.FcmPush;
import com.phuketapp.notification.outbound.SendGridMail;
import com.phuketapp.platform.JobHandler;
import com.phuketapp.platform.PartialJobFailure;
import com.phuketapp.platform.PermanentJobFailure;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends one notice by email and to every push device of the traveller. Contact details are read when the job runs (a
 * changed address or an erased account counts), and the text is rendered in the traveller's language. A channel that
 * fails is retried on its own: the notice goes back to the queue with only the channels it has not reached. Push to
 * several devices is at least once: a retry pushes again to the devices that already got it.
 */
@Component
class NoticeJob implements JobHandler<Notice> {

    static final String NAME = "notification";
    private static final Logger log = LoggerFactory.getLogger(NoticeJob.class);

    private final IdentityApi identity;
    private final SendGridMail mail;
    private final FcmPush push;
    private final NoticeTexts texts;
    private volatile boolean toldUnconfigured;

    NoticeJob(IdentityApi identity, SendGridMail mail, FcmPush push, NoticeTexts texts) {
        this.identity = identity;
        this.mail = mail;
        this.push = push;
        this.texts = texts;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<Notice> payloadType() {
        return Notice.class;
    }

    @Override
    public void handle(Notice notice) {
        Set<String> channels = new HashSet<>(notice.channels());
        channels.removeIf(channel -> !configured(channel));
        if (channels.isEmpty()) {
            tellUnconfiguredOnce();
            log.debug(
                    "Notice about booking {} not sent: no channel configured",
                    notice.booking().confirmationCode());
            return;
        }
        var contact = identity.contact(notice.userId());
        if (contact.isEmpty()) {
            log.info(
                    "Notice about booking {} not sent: the account is gone",
                    notice.booking().confirmationCode());
            return;
        }
        NoticeTexts.Text text = texts.of(notice, contact.get().locale());
        Set<String> left = new HashSet<>();
        RuntimeException failure = null;
        boolean permanent = true;
        for (String channel : channels) {
            try {
                send(channel, notice, contact.get(), text);
            } catch (RuntimeException failed) {
                left.add(channel);
                failure = failure == null ? failed : failure;
                permanent &= failed instanceof PermanentJobFailure;
            }
        }
        if (failure != null) {
            throw new PartialJobFailure(notice.onlyTo(left), permanent, failure);
        }
    }

    private void send(String channel, Notice notice, IdentityApi.Contact contact, NoticeTexts.Text text) {
        if (Notice.EMAIL.equals(channel)) {
            mail.send(contact.email(), text.title(), text.body());
            return;
        }
        Map<String, String> data = Map.of(
                "bookingId", notice.booking().bookingId().toString(),
                "event", notice.event());
        // Every device is tried, whatever happens to the one before. Should one fail, the push is retried, and
        // the others may see it twice: what at-least-once delivery costs. A failure that may pass is the one
        // reported, so that a device refused for good does not make another's passing trouble final.
        RuntimeException failure = null;
        for (IdentityApi.Device device : contact.devices()) {
            try {
                if (push.send(device.token(), text.title(), text.body(), data) == FcmPush.Result.TOKEN_GONE) {
                    identity.forgetDevice(notice.userId(), device.token());
                }
            } catch (RuntimeException failed) {
                failure = failure == null || failure instanceof PermanentJobFailure ? failed : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private boolean configured(String channel) {
        return Notice.EMAIL.equals(channel) ? mail.configured() : push.configured();
    }

    private void tellUnconfiguredOnce() {
        if (!toldUnconfigured) {
            toldUnconfigured = true;
            log.info("Neither SendGrid nor FCM is configured: notices are not sent (each is logged at debug)");
        }
    }
}
