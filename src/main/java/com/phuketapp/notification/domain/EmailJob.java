package com.phuketapp.notification.domain;

import com.phuketapp.identity.IdentityApi;
import com.phuketapp.notification.outbound.SendGridMail;
import com.phuketapp.platform.JobHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Emails a notice to the traveller's address as it is when the job runs. */
@Component
class EmailJob implements JobHandler<Notice> {

    static final String NAME = "notification-email";
    private static final Logger log = LoggerFactory.getLogger(EmailJob.class);

    private final IdentityApi identity;
    private final SendGridMail mail;
    private final NoticeTexts texts;

    EmailJob(IdentityApi identity, SendGridMail mail, NoticeTexts texts) {
        this.identity = identity;
        this.mail = mail;
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
        if (contact.isEmpty()) {
            log.info(
                    "Email about booking {} not sent: the account is gone",
                    notice.booking().confirmationCode());
            return;
        }
        NoticeTexts.Text text = texts.of(notice, contact.get().locale());
        if (!mail.configured()) {
            log.info(
                    "Email about booking {} not sent (SendGrid is not configured): {}",
                    notice.booking().confirmationCode(),
                    text.title());
            return;
        }
        mail.send(contact.get().email(), text.title(), text.body());
    }
}
