package com.phuketapp.notification.domain;

import com.phuketapp.identity.IdentityApi;
import com.phuketapp.notification.outbound.FcmPush;
import com.phuketapp.platform.JobHandler;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Pushes a notice to every device the traveller has registered when the job runs. A retry after a partial failure
 * pushes again to the devices that already got it: delivery is at least once.
 */
@Component
class PushJob implements JobHandler<Notice> {

    static final String NAME = "notification-push";
    private static final Logger log = LoggerFactory.getLogger(PushJob.class);

    private final IdentityApi identity;
    private final FcmPush push;
    private final NoticeTexts texts;

    PushJob(IdentityApi identity, FcmPush push, NoticeTexts texts) {
        this.identity = identity;
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
        var contact = identity.contact(notice.userId());
        if (contact.isEmpty() || contact.get().devices().isEmpty()) {
            return;
        }
        NoticeTexts.Text text = texts.of(notice, contact.get().locale());
        if (!push.configured()) {
            log.info(
                    "Push about booking {} not sent (FCM is not configured): {}",
                    notice.booking().confirmationCode(),
                    text.title());
            return;
        }
        Map<String, String> data = Map.of(
                "bookingId", notice.booking().bookingId().toString(),
                "event", notice.event());
        for (IdentityApi.Device device : contact.get().devices()) {
            if (push.send(device.token(), text.title(), text.body(), data) == FcmPush.Result.TOKEN_GONE) {
                identity.forgetDevice(notice.userId(), device.token());
            }
        }
    }
}
