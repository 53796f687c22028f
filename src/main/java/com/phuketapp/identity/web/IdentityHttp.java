package com.phuketapp.identity.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.phuketapp.identity.domain.Account;
import com.phuketapp.identity.domain.Login;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the identity endpoints take and return. Requests bind to these records only: a {@code role}, {@code id} or
 * {@code email} sent where it is not listed is ignored.
 */
final class IdentityHttp {

    private IdentityHttp() {}

    static final String PHONE = "^\\+?[0-9][0-9 ()-]{5,24}$";
    static final String LOCALE = "^(en|ru)$";

    record RegisterRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @Password String password,
            @NotBlank @Size(max = 100) String fullName,
            @Nullable @Pattern(regexp = PHONE) String phone,
            @Nullable @Pattern(regexp = LOCALE) String locale) {}

    record LoginRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 1024) String password) {}

    record RefreshRequest(@NotBlank @Size(max = 4096) @JsonProperty("refresh_token") String refreshToken) {}

    record LogoutRequest(@Nullable @Size(max = 4096) @JsonProperty("refresh_token") String refreshToken) {}

    record ProfileRequest(
            // Optional, but not blank: a name of spaces would be stored as none.
            @Nullable @Size(max = 100) @Pattern(regexp = "(?s).*\\S.*") String fullName,
            @Nullable @Pattern(regexp = PHONE + "|^$") String phone,
            @Nullable @Pattern(regexp = LOCALE) String locale) {}

    record PasswordChangeRequest(@NotBlank @Size(max = 1024) String currentPassword, @Password String newPassword) {}

    record DeviceRequest(
            @NotBlank @Size(max = 4096) String token,
            @NotBlank @Pattern(regexp = "^(ios|android|web)$") String platform) {}

    record UserView(
            UUID id,
            String email,
            String fullName,
            @Nullable String phone,
            String locale,
            String role,
            boolean disabled,
            Instant createdAt) {

        static UserView of(Account account) {
            return new UserView(
                    account.id(),
                    account.email(),
                    account.fullName(),
                    account.phone(),
                    account.locale(),
                    account.role(),
                    account.disabled(),
                    account.createdAt());
        }
    }

    /** The token fields keep the names the iOS app reads (contract). */
    record TokenView(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("refresh_token") String refreshToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn,
            UserView user) {

        static TokenView of(Login login) {
            return new TokenView(
                    login.accessToken(),
                    login.refreshToken(),
                    "Bearer",
                    login.expiresInSeconds(),
                    UserView.of(login.user()));
        }
    }
}
