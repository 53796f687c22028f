package com.phuketapp.platform;

import java.util.UUID;

/**
 * Who is calling, once a bearer token has been verified: what a controller receives with
 * {@code @AuthenticationPrincipal AuthenticatedUser user}.
 *
 * @param id        the user's id (the token's {@code sub})
 * @param admin     whether the user has the admin role
 * @param sessionId the login the token belongs to (revoked together)
 */
public record AuthenticatedUser(UUID id, boolean admin, UUID sessionId) {}
