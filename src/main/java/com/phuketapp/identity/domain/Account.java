package com.phuketapp.identity.domain;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A user as the API shows them: personal data opened, no password hash. */
public record Account(
        UUID id,
        String email,
        String fullName,
        @Nullable String phone,
        String locale,
        String role,
        boolean disabled,
        Instant createdAt) {}
