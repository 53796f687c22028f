package com.phuketapp.identity.domain;

import com.phuketapp.identity.persistence.AuditRepository;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Security events (logins, refresh-token reuse, logouts, password changes, erasures, admin actions) with who, when,
 * from which address and how it ended. Never a password or a token. Also logged, for the log pipeline's alerts.
 */
@Component
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger("audit");

    private final AuditRepository repository;

    AuditLog(AuditRepository repository) {
        this.repository = repository;
    }

    public void record(@Nullable UUID userId, String event, boolean success, @Nullable String ip) {
        String outcome = success ? "success" : "failure";
        repository.append(userId, event, outcome, ip, null);
        log.info("audit event={} outcome={} user={} ip={}", event, outcome, userId, ip);
    }
}
