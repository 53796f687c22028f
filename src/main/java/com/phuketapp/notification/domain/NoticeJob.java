package com.phuketapp.notification.domain;

import com.phuketapp.identity.IdentityApi;
import com.phuketapp.platform.JobHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A notice on its way through one channel: the traveller's contact details are read when the job runs (an address
 * changed or an account erased since the booking counts), and the text is rendered in their language.
 */
abstract class NoticeJob implements JobHandler<Notice> {

    private static final Logger log = LoggerFactory.getLogger(NoticeJob.class);

    private final IdentityApi identity;
    private final NoticeTexts texts;
    private volatile boolean toldUnconfigured;

    NoticeJob(IdentityApi identity, NoticeTexts texts) {
        this.identity = identity;
        this.texts = texts;
    }

    @Override
    public Class<Notice> payloadType() {
        return Notice.class;
    }

    @Override
    public void handle(Notice notice) {
        if (!configured()) {
            if (!toldUnconfigured) {
                toldUnconfigured = true;
                log.info(
                        "{} is not configured: {} jobs complete without sending (each one is logged at debug)",
                        service(),
                        name());
            }
            log.debug("{} about booking {} not sent", name(), notice.booking().confirmationCode());
            return;
        }
        var contact = identity.contact(notice.userId());
        if (contact.isEmpty()) {
            log.info(
                    "{} about booking {} not sent: the account is gone",
                    name(),
                    notice.booking().confirmationCode());
            return;
        }
        deliver(notice, contact.get(), texts.of(notice, contact.get().locale()));
    }

    /** Whether the channel's outside service is configured; without it notices are only logged. */
    abstract boolean configured();

    abstract String service();

    abstract void deliver(Notice notice, IdentityApi.Contact contact, NoticeTexts.Text text);
}
