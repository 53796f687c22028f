package com.phuketapp.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Signs travellers up and in for the tests, the way the app does. */
public record Accounts(Http http) {

    public static final String PASSWORD = "sunny-beach-2026";

    public record Session(String email, String accessToken, String refreshToken, String userId) {

        public String[] bearer() {
            return new String[] {"Authorization", "Bearer " + accessToken};
        }
    }

    public static String newEmail() {
        return "traveller-" + UUID.randomUUID() + "@example.com";
    }

    public Session register() {
        return register(newEmail());
    }

    public Session register(String email) {
        Http.Response response = http.json(
                "POST",
                "/v1/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"fullName\":\"Anna Petrova\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return session(email, response.data());
    }

    public Http.Response login(String email, String password) {
        return http.json("POST", "/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    public Http.Response refresh(String refreshToken) {
        return http.json("POST", "/v1/auth/refresh", "{\"refresh_token\":\"" + refreshToken + "\"}");
    }

    public static Session session(String email, JsonNode data) {
        return new Session(
                email,
                data.get("access_token").asString(),
                data.get("refresh_token").asString(),
                data.at("/user/id").asString());
    }
}
