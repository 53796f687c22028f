package com.phuketapp.notification.domain;

import com.phuketapp.identity.IdentityApi;
import com.phuketapp.notification.outbound.FcmPush;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Pushes a notice to every device the traveller has registered when the job runs; a token FCM no longer knows is
 * forgotten. A retry after a partial failure pushes again to the devices that already got it: at least once.
 */
@Component
class PushJob extends NoticeJob {

    static final String NAME = "notification-push";

    private final IdentityApi identity;
    private final FcmPush push;

    PushJob(IdentityApi identity, FcmPush push, NoticeTexts texts) {
        super(identity, texts);
        this.identity = identity;
        this.push = push;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    boolean configured() {
        return push.configured();
    }

    @Override
    String service() {
        return "FCM";
    }

    @Override
    void deliver(Notice notice, IdentityApi.Contact contact, NoticeTexts.Text text) {
        Map<String, String> data = Map.of(
                "bookingId", notice.booking().bookingId().toString(),
                "event", notice.event());
        for (IdentityApi.Device device : contact.devices()) {
            if (push.send(device.token(), text.title(), text.body(), data) == FcmPush.Result.TOKEN_GONE) {
                identity.forgetDevice(notice.userId(), device.token());
            }
        }
    }
}
