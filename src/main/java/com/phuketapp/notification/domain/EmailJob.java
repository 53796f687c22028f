package com.phuketapp.notification.domain;

import com.phuketapp.identity.IdentityApi;
import com.phuketapp.notification.outbound.SendGridMail;
import org.springframework.stereotype.Component;

/** Emails a notice to the traveller's address as it is when the job runs. */
@Component
class EmailJob extends NoticeJob {

    static final String NAME = "notification-email";

    private final SendGridMail mail;

    EmailJob(IdentityApi identity, SendGridMail mail, NoticeTexts texts) {
        super(identity, texts);
        this.mail = mail;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    boolean configured() {
        return mail.configured();
    }

    @Override
    String service() {
        return "SendGrid";
    }

    @Override
    void deliver(Notice notice, IdentityApi.Contact contact, NoticeTexts.Text text) {
        mail.send(contact.email(), text.title(), text.body());
    }
}
