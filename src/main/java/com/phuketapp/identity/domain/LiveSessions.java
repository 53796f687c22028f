package com.phuketapp.identity.domain;

import com.phuketapp.identity.persistence.AccountRepository;
import com.phuketapp.identity.persistence.AccountRepository.SessionState;
import com.phuketapp.platform.InstanceOnlyCache;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Whether a login is still live, asked on every authenticated request, and the one way to end logins. The state is
 * kept in each instance's memory ({@link InstanceOnlyCache}, so a copy in Redis cannot outlive its eviction) and
 * forgotten on every instance once the change is committed: a revoked token stops working on the next request to this
 * instance, and on the others as soon as the eviction reaches them over Redis (milliseconds; should Redis lose it, the
 * copy's local TTL, 60 s). A copy that says "not expired" after the login expired is harmless: every access token
 * expires before the login it belongs to, as a login lasts as long as its latest refresh token.
 */
@Component
public class LiveSessions {

    public static final String CACHE = "identity.sessions";

    private final AccountRepository accounts;
    private final Cache states;

    LiveSessions(AccountRepository accounts, CacheManager caches) {
        this.accounts = accounts;
        this.states = Objects.requireNonNull(caches.getCache(CACHE), CACHE);
    }

    /** The login's state, or empty when there is no such login. */
    Optional<SessionState> state(UUID sessionId) {
        try {
            // A load and an eviction of one key never interleave in memory: a revocation committed while the old
            // state was being read removes it once the read is done.
            return states.get(sessionId, () -> accounts.sessionState(sessionId));
        } catch (Cache.ValueRetrievalException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    void revoke(UUID sessionId, String reason) {
        accounts.revokeSession(sessionId, reason);
        afterCommit(() -> states.evict(sessionId));
    }

    void revokeAll(UUID userId, String reason) {
        List<UUID> ended = accounts.revokeSessions(userId, reason);
        afterCommit(() -> ended.forEach(states::evict));
    }

    /** Before the commit, another request could read the old state again and keep it. */
    private static void afterCommit(Runnable eviction) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            eviction.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                eviction.run();
            }
        });
    }
}
