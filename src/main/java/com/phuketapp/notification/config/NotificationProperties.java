package com.phuketapp.notification.config;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Push and email ({@code phuket.notification.*}; the contract's variables are mapped in {@code application.yml}).
 *
 * @param connectTimeout how long connecting to SendGrid or FCM may take
 * @param readTimeout    how long waiting for their answer may take
 */
@ConfigurationProperties("phuket.notification")
public record NotificationProperties(
        @DefaultValue SendGrid sendgrid,
        @DefaultValue Fcm fcm,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout) {

    /**
     * @param apiBase {@code SENDGRID_API_BASE}
     * @param apiKey  {@code SENDGRID_API_KEY}; without it emails are logged, not sent
     * @param from    {@code MAIL_FROM}
     */
    public record SendGrid(
            @DefaultValue("https://api.sendgrid.com") String apiBase,
            @Nullable String apiKey,
            @DefaultValue("no-reply@phuket-app.com") String from) {

        public boolean configured() {
            return apiKey != null && !apiKey.isBlank();
        }
    }

    /**
     * @param apiBase         {@code FCM_API_BASE}
     * @param credentialsFile {@code FCM_CREDENTIALS_FILE}: the Firebase service account's JSON key; without it pushes
     *                        are logged, not sent
     */
    public record Fcm(@DefaultValue("https://fcm.googleapis.com") String apiBase, @Nullable String credentialsFile) {

        public boolean configured() {
            return credentialsFile != null && !credentialsFile.isBlank();
        }
    }
}
