package com.phuketapp.platform;

/**
 * Verifies the access token of an {@code Authorization: Bearer} header. Implemented by the identity module; platform
 * calls it for every request that carries such a header.
 */
public interface BearerAuthenticator {

    /**
     * @throws ApiException {@code UNAUTHORIZED}, {@code TOKEN_EXPIRED} or {@code TOKEN_REVOKED} when the token must
     *     not be accepted
     */
    AuthenticatedUser authenticate(String token);
}
