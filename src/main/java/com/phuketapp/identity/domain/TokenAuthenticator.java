package com.phuketapp.identity.domain;

import com.phuketapp.platform.AuthenticatedUser;
import com.phuketapp.platform.BearerAuthenticator;
import org.springframework.stereotype.Service;

/**
 * Accepts an access token when its signature and claims hold and its login is still live ({@link LiveSessions}):
 * logout, refresh-token reuse, password change, erasure and an admin's disabling take effect on the very next request.
 */
@Service
public class TokenAuthenticator implements BearerAuthenticator {

    private final Tokens tokens;
    private final AccountService accounts;

    public TokenAuthenticator(Tokens tokens, AccountService accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    @Override
    public AuthenticatedUser authenticate(String token) {
        Tokens.Verified access = tokens.verify(token, Tokens.Type.ACCESS);
        var session = accounts.checkSession(access.sessionId(), access.userId());
        return new AuthenticatedUser(access.userId(), AccountService.ADMIN.equals(session.role()), access.sessionId());
    }
}
