package com.phuketapp.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.phuketapp.support.Http;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Signs travellers up and in for the identity tests, the way the app does. */
record Accounts(Http http) {

    static final String PASSWORD = "sunny-beach-2026";

    record Session(String email, String accessToken, String refreshToken, String userId) {

        String[] bearer() {
            return new String[] {"Authorization", "Bearer " + accessToken};
        }
    }

    static String newEmail() {
        return "traveller-" + UUID.randomUUID() + "@example.com";
    }

    Session register() {
        return register(newEmail());
    }

    Session register(String email) {
        Http.Response response = http.json(
                "POST",
                "/v1/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"fullName\":\"Anna Petrova\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return session(email, response.data());
    }

    Http.Response login(String email, String password) {
        return http.json("POST", "/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    Http.Response refresh(String refreshToken) {
        return http.json("POST", "/v1/auth/refresh", "{\"refresh_token\":\"" + refreshToken + "\"}");
    }

    static Session session(String email, JsonNode data) {
        return new Session(
                email,
                data.get("access_token").asString(),
                data.get("refresh_token").asString(),
                data.at("/user/id").asString());
    }
}
