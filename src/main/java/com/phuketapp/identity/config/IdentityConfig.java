package com.phuketapp.identity.config;

import com.phuketapp.identity.domain.AccountService;
import com.phuketapp.identity.domain.FieldCipher;
import com.phuketapp.identity.domain.LiveSessions;
import com.phuketapp.identity.domain.PasswordHasher;
import com.phuketapp.identity.domain.SigningKeys;
import com.phuketapp.identity.domain.Tokens;
import com.phuketapp.identity.persistence.SigningKeyRepository;
import com.phuketapp.platform.CredentialRoutes;
import com.phuketapp.platform.InstanceOnlyCache;
import com.phuketapp.platform.ProtectedRoutes;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.util.StringUtils;

@Configuration(proxyBeanMethods = false)
class IdentityConfig {

    private static final Logger log = LoggerFactory.getLogger(IdentityConfig.class);

    /** Signed-in callers only; {@code /v1/admin/**} is for admins already (platform). */
    @Bean
    ProtectedRoutes identityRoutes() {
        return ProtectedRoutes.of("/v1/users/**", "/v1/auth/logout");
    }

    /** Sign-up, login and refresh carry their own credentials: a stale access token sent along is ignored. */
    @Bean
    CredentialRoutes credentialRoutes() {
        return CredentialRoutes.of("/v1/auth/register", "/v1/auth/login", "/v1/auth/refresh");
    }

    /** Login states stay in each instance's memory, never in Redis (see {@link LiveSessions}). */
    @Bean
    InstanceOnlyCache liveSessionsCache() {
        return new InstanceOnlyCache(LiveSessions.CACHE);
    }

    /**
     * Keys from {@code phuket.identity.encryption.*}. With none configured, the embedded mode makes one and keeps it in
     * the data folder (so the data it sealed stays readable after a restart); against an external database the app
     * refuses to start rather than seal personal data with a key nobody will have after a restart.
     */
    @Bean
    FieldCipher fieldCipher(
            IdentityProperties properties,
            @Value("${phuket.embedded-database.enabled:false}") boolean embedded,
            @Value("${phuket.embedded-database.directory:data/postgres}") Path databaseDirectory)
            throws IOException {
        IdentityProperties.Encryption encryption = properties.encryption();
        Map<String, byte[]> keys = new LinkedHashMap<>();
        encryption.keys().forEach((id, key) -> keys.put(id, Base64.getDecoder().decode(key.strip())));
        String active = encryption.activeKey();
        if (keys.isEmpty()) {
            if (!embedded) {
                throw new IllegalStateException(
                        "Set phuket.identity.encryption.keys.<id> (32 bytes, Base64) and phuket.identity.encryption."
                                + "active-key: personal data is encrypted at rest");
            }
            Path file =
                    databaseDirectory.toAbsolutePath().resolveSibling("secrets").resolve("encryption-keys.properties");
            keys.putAll(localKeys(file));
            active = keys.keySet().iterator().next();
        }
        if (!StringUtils.hasText(active)) {
            active = keys.size() == 1 ? keys.keySet().iterator().next() : null;
        }
        if (active == null) {
            throw new IllegalStateException("Set phuket.identity.encryption.active-key: several keys are configured");
        }
        return new FieldCipher(keys, active);
    }

    private static Map<String, byte[]> localKeys(Path file) throws IOException {
        Properties stored = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                stored.load(in);
            }
        } else {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            stored.setProperty("local", Base64.getEncoder().encodeToString(key));
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                stored.store(out, "Generated for the embedded mode; production keys come from configuration");
            }
            log.info("Generated a local encryption key in {}", file);
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        stored.stringPropertyNames()
                .forEach(id -> keys.put(id, Base64.getDecoder().decode(stored.getProperty(id))));
        return keys;
    }

    @Bean(destroyMethod = "close")
    PasswordHasher passwordHasher(IdentityProperties properties) {
        int threads = properties.hashingThreads() > 0
                ? properties.hashingThreads()
                : Runtime.getRuntime().availableProcessors();
        return new PasswordHasher(properties.bcryptCost(), threads, properties.hashingQueue());
    }

    /** Password checks waiting or running: what a login storm looks like from inside. */
    @Bean
    MeterBinder passwordHasherMetrics(PasswordHasher hasher) {
        return meters -> Gauge.builder("phuket.passwords.pending", hasher, PasswordHasher::pending)
                .description("Password hashes and checks waiting for, or running on, the bcrypt threads")
                .register(meters);
    }

    @Bean
    SigningKeys signingKeys(
            SigningKeyRepository repository, FieldCipher cipher, IdentityProperties properties, Clock clock) {
        // A retired key verifies as long as the longest-lived token it may have signed.
        return new SigningKeys(repository, cipher, properties.keyRotation(), properties.refreshTokenTtl(), clock);
    }

    @Bean
    Tokens tokens(SigningKeys keys, IdentityProperties properties, Clock clock) {
        return new Tokens(keys, properties.issuer(), properties.audience(), clock);
    }

    @Bean
    AdminBootstrap adminBootstrap(AccountService accounts, IdentityProperties properties) {
        return new AdminBootstrap(accounts, properties);
    }

    /** {@code ADMIN_EMAIL} and {@code ADMIN_PASSWORD}: an admin with these credentials exists once the app is up. */
    record AdminBootstrap(AccountService accounts, IdentityProperties properties) {

        @EventListener(ApplicationReadyEvent.class)
        public void ensureAdmin() {
            if (StringUtils.hasText(properties.adminEmail()) && StringUtils.hasText(properties.adminPassword())) {
                accounts.ensureAdmin(properties.adminEmail().strip(), properties.adminPassword());
                log.info("Admin account {} is ready", properties.adminEmail().strip());
            }
        }
    }
}
