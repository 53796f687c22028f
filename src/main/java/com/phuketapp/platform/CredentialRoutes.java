package com.phuketapp.platform;

import java.util.Set;

/**
 * Paths whose requests carry their own credentials in the body (a password, a refresh token). An
 * {@code Authorization} header sent to them is ignored: an app that attaches its access token to every request must
 * still be able to sign in or refresh once that token has run out, and the caller stays anonymous there.
 */
public record CredentialRoutes(Set<String> paths) {

    public CredentialRoutes {
        paths = Set.copyOf(paths);
    }

    public static CredentialRoutes of(String... paths) {
        return new CredentialRoutes(Set.of(paths));
    }
}
