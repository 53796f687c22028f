package com.phuketapp.identity.domain;

import com.phuketapp.identity.IdentityApi;
import com.phuketapp.identity.config.IdentityProperties;
import com.phuketapp.identity.persistence.AccountRepository;
import com.phuketapp.identity.persistence.AccountRepository.UserRow;
import com.phuketapp.identity.persistence.AuditRepository;
import com.phuketapp.identity.persistence.DeviceRepository;
import com.phuketapp.platform.ApiException;
import com.phuketapp.platform.AuthenticatedUser;
import com.phuketapp.platform.ErrorCode;
import com.phuketapp.platform.ErrorDetail;
import com.phuketapp.platform.InvalidInputException;
import com.phuketapp.platform.PageQuery;
import com.phuketapp.platform.PageResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-up, sign-in, token refresh with reuse detection, sign-out, profile, password change, and the GDPR rights.
 * bcrypt runs outside any transaction, so a login never holds a database connection while it hashes.
 */
@Service
public class AccountService implements IdentityApi {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    public static final String TRAVELLER = "traveller";
    public static final String ADMIN = "admin";

    private final AccountRepository accounts;
    private final LiveSessions sessions;
    private final DeviceRepository devices;
    private final AuditRepository auditEntries;
    private final AuditLog audit;
    private final PasswordHasher passwords;
    private final Tokens tokens;
    private final FieldCipher cipher;
    private final IdentityProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public AccountService(
            AccountRepository accounts,
            LiveSessions sessions,
            DeviceRepository devices,
            AuditRepository auditEntries,
            AuditLog audit,
            PasswordHasher passwords,
            Tokens tokens,
            FieldCipher cipher,
            IdentityProperties properties,
            TransactionTemplate transaction,
            Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.devices = devices;
        this.auditEntries = auditEntries;
        this.audit = audit;
        this.passwords = passwords;
        this.tokens = tokens;
        this.cipher = cipher;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The profile fields a person may set; {@code null} leaves a field as it is, an empty phone removes it. */
    public record ProfileChange(@Nullable String fullName, @Nullable String phone, @Nullable String locale) {}

    /** Everything held about a person, for the right of access. */
    public record Export(
            Account account,
            List<ExportedDevice> devices,
            List<AuditRepository.Entry> securityEvents,
            Instant exportedAt) {}

    public record ExportedDevice(UUID id, String token, String platform, Instant registeredAt) {}

    public Login register(
            String email,
            String password,
            String fullName,
            @Nullable String phone,
            @Nullable String locale,
            String ip) {
        String hash = passwords.hash(password);
        UUID id = accounts.insertUser(
                        email.strip(), hash, fullName.strip(), seal(phone), locale == null ? "en" : locale, TRAVELLER)
                .orElseThrow(() -> new ApiException(ErrorCode.EMAIL_TAKEN));
        audit.record(id, "register", true, ip);
        return startSession(accounts.user(id).orElseThrow());
    }

    /** Unknown email and wrong password answer alike, and take alike: both run one bcrypt check. */
    public Login login(String email, String password, String ip) {
        UserRow user = accounts.userByEmail(email.strip()).orElse(null);
        boolean matches = passwords.matches(password, user == null ? null : user.passwordHash());
        if (!matches || user.disabledAt() != null) {
            audit.record(user == null ? null : user.id(), "login", false, ip);
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS);
        }
        audit.record(user.id(), "login", true, ip);
        return startSession(user);
    }

    /**
     * Exchanges a refresh token for a new pair. A token that was already exchanged means it was copied: the whole
     * login is revoked, tokens issued from it included.
     */
    public Login refresh(String refreshToken, String ip) {
        Tokens.Verified presented = tokens.verify(refreshToken, Tokens.Type.REFRESH);
        Login renewed = transaction.execute(status -> {
            if (!accounts.spendRefreshToken(presented.tokenId())) {
                return null;
            }
            // Read in the transaction rather than remembered: the token is being spent.
            AccountRepository.SessionState session =
                    live(accounts.sessionState(presented.sessionId()), presented.userId());
            return issue(
                    accounts.user(session.userId()).orElseThrow(() -> new ApiException(ErrorCode.UNAUTHORIZED)),
                    presented.sessionId());
        });
        if (renewed == null) {
            sessions.revoke(presented.sessionId(), "reuse");
            audit.record(presented.userId(), "refresh_reuse", false, ip);
            throw new ApiException(ErrorCode.TOKEN_REVOKED);
        }
        return renewed;
    }

    /** Ends the caller's login (and the one of {@code refreshToken}, when it is the caller's). */
    public void logout(AuthenticatedUser caller, @Nullable String refreshToken, String ip) {
        sessions.revoke(caller.sessionId(), "logout");
        if (refreshToken != null && !refreshToken.isBlank()) {
            try {
                Tokens.Verified refresh = tokens.verify(refreshToken, Tokens.Type.REFRESH);
                if (refresh.userId().equals(caller.id())) {
                    sessions.revoke(refresh.sessionId(), "logout");
                }
            } catch (ApiException unusable) {
                // An expired or foreign refresh token has nothing left to revoke.
            }
        }
        audit.record(caller.id(), "logout", true, ip);
    }

    public Account account(UUID id) {
        return accounts.user(id).map(this::account).orElseThrow(() -> new ApiException(ErrorCode.UNAUTHORIZED));
    }

    public Account updateProfile(UUID id, ProfileChange change) {
        UserRow user = accounts.user(id).orElseThrow(() -> new ApiException(ErrorCode.UNAUTHORIZED));
        String phone = change.phone() == null ? user.sealedPhone() : seal(change.phone());
        accounts.updateProfile(
                id,
                change.fullName() == null ? user.fullName() : change.fullName().strip(),
                phone,
                change.locale() == null ? user.locale() : change.locale());
        return account(id);
    }

    /** Every login of the user ends, this one included: they sign in again with the new password. */
    public void changePassword(AuthenticatedUser caller, String current, String replacement, String ip) {
        UserRow user = accounts.user(caller.id()).orElseThrow(() -> new ApiException(ErrorCode.UNAUTHORIZED));
        if (!passwords.matches(current, user.passwordHash())) {
            audit.record(user.id(), "password_change", false, ip);
            throw new InvalidInputException(List.of(ErrorDetail.of("currentPassword", "validation.currentPassword")));
        }
        String hash = passwords.hash(replacement);
        transaction.executeWithoutResult(status -> {
            accounts.updatePassword(user.id(), hash);
            sessions.revokeAll(user.id(), "password_change");
        });
        audit.record(user.id(), "password_change", true, ip);
    }

    public Export export(UUID id) {
        List<ExportedDevice> registered = devices.of(id).stream()
                .map(device -> new ExportedDevice(
                        device.id(), cipher.open(device.sealedToken()), device.platform(), device.createdAt()))
                .toList();
        return new Export(account(id), registered, auditEntries.of(id), clock.instant());
    }

    /**
     * Right to erasure: personal data gone, the row kept without it so bookings still add up; every login ends. The
     * security log keeps what happened to the account and when, no longer from which address.
     */
    public void erase(AuthenticatedUser caller) {
        String unusable = "!erased:" + UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            accounts.anonymise(caller.id(), unusable);
            sessions.revokeAll(caller.id(), "erased");
            auditEntries.forgetAddressesOf(caller.id());
        });
        audit.record(caller.id(), "erase", true, null);
    }

    @Override
    public Optional<Contact> contact(UUID userId) {
        // Erasing an account disables it too, so neither an erased nor a disabled account has a contact.
        return accounts.contact(userId)
                .map(row -> new Contact(
                        userId,
                        row.email(),
                        row.fullName(),
                        row.locale(),
                        row.devices().stream()
                                .map(device -> new Device(cipher.open(device.sealedToken()), device.platform()))
                                .toList()));
    }

    @Override
    public void forgetDevice(UUID userId, String token) {
        devices.forget(userId, sha256(token));
    }

    public ExportedDevice registerDevice(UUID userId, String token, String platform) {
        DeviceRepository.Device device = devices.register(userId, cipher.seal(token), sha256(token), platform);
        return new ExportedDevice(device.id(), token, device.platform(), device.createdAt());
    }

    public PageResult<Account> accounts(@Nullable String emailContains, PageQuery page) {
        List<Account> found = accounts.users(emailContains, page.perPage(), page.offset()).stream()
                .map(this::account)
                .toList();
        return PageResult.of(found, page, accounts.countUsers(emailContains));
    }

    /** A disabled user's tokens stop working at once (checked on every request); enabling lets them sign in again. */
    public void setDisabled(AuthenticatedUser admin, UUID userId, boolean disabled, String ip) {
        if (!accounts.setDisabled(userId, disabled)) {
            throw new ApiException(ErrorCode.NOT_FOUND);
        }
        if (disabled) {
            sessions.revokeAll(userId, "disabled");
        }
        audit.record(admin.id(), disabled ? "admin_disable:" + userId : "admin_enable:" + userId, true, ip);
    }

    /**
     * Makes sure an admin account with these credentials exists ({@code ADMIN_EMAIL}, {@code ADMIN_PASSWORD}). An
     * existing account that it promotes, or whose password it resets, loses every login: anyone may have signed up
     * with that address first, and only whoever knows {@code ADMIN_PASSWORD} may sign in as the admin.
     */
    public void ensureAdmin(String email, String password) {
        UserRow existing = accounts.userByEmail(email).orElse(null);
        if (existing == null) {
            accounts.insertUser(email, passwords.hash(password), "Administrator", null, "en", ADMIN);
            return;
        }
        boolean promoted = !ADMIN.equals(existing.role());
        boolean passwordReset = !passwords.matches(password, existing.passwordHash());
        if (!promoted && !passwordReset) {
            return;
        }
        String newHash = passwordReset ? passwords.hash(password) : null; // bcrypt outside the transaction
        transaction.executeWithoutResult(status -> {
            if (promoted) {
                log.warn(
                        "ADMIN_EMAIL names the existing account {}: it becomes the admin, and its logins end",
                        existing.id());
                accounts.setRole(existing.id(), ADMIN);
            }
            if (newHash != null) {
                accounts.updatePassword(existing.id(), newHash);
            }
            sessions.revokeAll(existing.id(), "admin_bootstrap");
        });
    }

    /**
     * Starts a login for the account as it was read and checked. Should its password have changed (or the account
     * been disabled) during the bcrypt check, the password given is no longer the account's: refused as one.
     */
    private Login startSession(UserRow user) {
        UUID sessionId = UUID.randomUUID();
        return transaction.execute(status -> {
            if (!accounts.createSession(
                    sessionId, user.id(), user.passwordHash(), clock.instant().plus(properties.refreshTokenTtl()))) {
                throw new ApiException(ErrorCode.INVALID_CREDENTIALS);
            }
            return issue(user, sessionId);
        });
    }

    /** Signs a new pair for the login; runs inside the caller's transaction. */
    private Login issue(UserRow user, UUID sessionId) {
        Tokens.Issued access = tokens.issue(Tokens.Type.ACCESS, user.id(), sessionId, properties.accessTokenTtl());
        Tokens.Issued refresh = tokens.issue(Tokens.Type.REFRESH, user.id(), sessionId, properties.refreshTokenTtl());
        accounts.addRefreshToken(refresh.tokenId(), sessionId, refresh.expiresAt());
        return new Login(
                access.token(), refresh.token(), properties.accessTokenTtl().toSeconds(), account(user));
    }

    private static AccountRepository.SessionState live(Optional<AccountRepository.SessionState> state, UUID userId) {
        AccountRepository.SessionState session = state.filter(
                        found -> found.userId().equals(userId))
                .orElseThrow(() -> new ApiException(ErrorCode.UNAUTHORIZED));
        if (session.revoked() || session.userDisabled()) {
            throw new ApiException(ErrorCode.TOKEN_REVOKED);
        }
        return session;
    }

    /** For the bearer filter: the same checks as a refresh, on every authenticated request. */
    AccountRepository.SessionState checkSession(UUID sessionId, UUID userId) {
        return live(sessions.state(sessionId), userId);
    }

    private Account account(UserRow row) {
        return new Account(
                row.id(),
                row.email(),
                row.fullName(),
                row.sealedPhone() == null ? null : cipher.open(row.sealedPhone()),
                row.locale(),
                row.role(),
                row.disabledAt() != null,
                row.createdAt());
    }

    private @Nullable String seal(@Nullable String value) {
        return value == null || value.isBlank() ? null : cipher.seal(value.strip());
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
