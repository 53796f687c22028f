package com.phuketapp.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.phuketapp.support.Accounts;
import com.phuketapp.support.Http;
import com.phuketapp.support.IntegrationTest;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Admins add, change, deactivate and reactivate catalog items; travellers see each change at once. */
class AdminCatalogHttpTest extends IntegrationTest {

    private Accounts accounts;
    private Accounts.Session admin;

    @BeforeEach
    void signIn() {
        accounts = new Accounts(http);
        admin = newAdmin();
    }

    @Test
    void anAdminAddsAVehicleThatTravellersFindAndBookAtOnce() {
        String brand = "Vespa" + UUID.randomUUID().toString().substring(0, 6);
        Http.Response created = http.json("POST", "/v1/admin/vehicles", vehicle(brand), admin.bearer());
        assertThat(created.header("RateLimit-Policy").orElseThrow())
                .as("the back office's own limit, per admin")
                .isEqualTo("\"admin\";q=300;w=60");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode vehicle = created.data();
        String id = vehicle.get("id").asString();
        assertThat(vehicle.get("dailyPrice").asString()).isEqualTo("420.00");
        assertThat(vehicle.get("deposit").asString()).isEqualTo("0.00");
        assertThat(vehicle.get("features")).hasSize(2);

        assertThat(http.get("/v1/vehicles/" + id).data().get("brand").asString())
                .isEqualTo(brand);
        assertThat(http.get("/v1/vehicles/" + id, "Accept-Language", "ru")
                        .data()
                        .get("name")
                        .asString())
                .isEqualTo("Веспа для теста");
        assertThat(http.get("/v1/search?q=" + brand).data().get(0).get("id").asString())
                .isEqualTo(id);

        Accounts.Session traveller = accounts.register();
        LocalDate start = today().plusDays(5);
        Http.Response booked = http.json(
                "POST",
                "/v1/bookings",
                "{\"itemType\":\"vehicle\",\"itemId\":\"" + id + "\",\"startDate\":\"" + start + "\",\"endDate\":\""
                        + start.plusDays(2) + "\",\"guestsCount\":1}",
                traveller.bearer());
        assertThat(booked.data().get("totalPrice").asString()).isEqualTo("840.00");
    }

    @Test
    void aChangeReplacesOnlyTheNamedFieldsAndReachesTravellersAtOnce() {
        String id = http.json("POST", "/v1/admin/vehicles", vehicle("Honda"), admin.bearer())
                .data()
                .get("id")
                .asString();
        assertThat(http.get("/v1/vehicles/" + id).data().get("dailyPrice").asString())
                .isEqualTo("420.00");
        assertThat(listedPrice(id, "ru")).isEqualTo("420.00");
        assertThat(quotedDay(id)).isEqualTo("420.00");

        Http.Response changed = http.json(
                "PATCH", "/v1/admin/vehicles/" + id, "{\"dailyPrice\":\"399.50\",\"seats\":1}", admin.bearer());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.data().get("seats").asInt()).isEqualTo(1);
        JsonNode seen = http.get("/v1/vehicles/" + id).data();
        assertThat(seen.get("dailyPrice").asString()).isEqualTo("399.50");
        assertThat(seen.get("brand").asString()).isEqualTo("Honda");
        assertThat(listedPrice(id, "ru"))
                .as("the list, already rendered in Russian")
                .isEqualTo("399.50");
        assertThat(quotedDay(id)).as("the terms bookings are made on").isEqualTo("399.50");
        assertThat(http.get("/v1/vehicles/" + id, "Accept-Language", "ru")
                        .data()
                        .get("name")
                        .asString())
                .isEqualTo("Веспа для теста");

        Http.Response forbidden = http.json(
                "PATCH",
                "/v1/admin/vehicles/" + id,
                "{\"rating\":5,\"id\":\"" + UUID.randomUUID() + "\"}",
                admin.bearer());
        assertThat(forbidden.status()).isEqualTo(400);
        assertThat(forbidden.json().at("/error/details").findValuesAsString("field"))
                .contains("rating", "id");
        assertThat(http.json("PATCH", "/v1/admin/vehicles/" + UUID.randomUUID(), "{\"seats\":2}", admin.bearer())
                        .status())
                .isEqualTo(404);
        Http.Response huge =
                http.json("PATCH", "/v1/admin/vehicles/" + id, "{\"year\":100000000000000000000}", admin.bearer());
        assertThat(huge.status()).as(huge.toString()).isEqualTo(400);
        assertThat(huge.json().at("/error/details/0/field").asString()).isEqualTo("year");
    }

    @Test
    void badFieldsAreNamedAndNothingIsWritten() {
        Http.Response refused = http.json(
                "POST",
                "/v1/admin/vehicles",
                vehicle("Yamaha")
                        .replace("\"year\":2024", "\"year\":1800")
                        .replace("https://cdn.phuket-app.com/v/1.jpg", "http://insecure.example/1.jpg")
                        .replace("\"area\":\"patong\"", "\"area\":\"atlantis\"")
                        .replace("\"dailyPrice\":\"420\"", "\"dailyPrice\":\"-1\""),
                admin.bearer());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/error/details").findValuesAsString("field"))
                .contains("year", "photos", "dailyPrice");

        Http.Response unknownArea = http.json(
                "POST", "/v1/admin/vehicles", vehicle("Yamaha").replace("\"patong\"", "\"atlantis\""), admin.bearer());
        assertThat(unknownArea.json().at("/error/details/0/field").asString()).isEqualTo("area");

        Http.Response missing =
                http.json("POST", "/v1/admin/properties", "{\"nameEn\":\"Half a villa\"}", admin.bearer());
        assertThat(missing.json().at("/error/details").findValuesAsString("field"))
                .contains("type", "nightlyPrice");

        Http.Response contradictory = http.json(
                "POST",
                "/v1/admin/properties",
                property().replace("\"maxNights\":30", "\"maxNights\":2"),
                admin.bearer());
        assertThat(contradictory.status()).isEqualTo(400);

        Accounts.Session traveller = accounts.register();
        assertThat(http.json("POST", "/v1/admin/vehicles", vehicle("Kawasaki"), traveller.bearer())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aDeactivatedItemLeavesTheCatalogUntilItIsBack() {
        Http.Response created = http.json("POST", "/v1/admin/tours", tour(), admin.bearer());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.data().get("id").asString();
        assertThat(created.data().get("runDays")).hasSize(3);
        assertThat(http.get("/v1/tours/" + id).status()).isEqualTo(200);
        Http.Response hugeDay =
                http.json("PATCH", "/v1/admin/tours/" + id, "{\"runDays\":[1,9999999999]}", admin.bearer());
        assertThat(hugeDay.status()).as(hugeDay.toString()).isEqualTo(400);

        assertThat(http.send("POST", "/v1/admin/tours/" + id + "/deactivate", "", admin.bearer())
                        .status())
                .isEqualTo(204);
        assertThat(http.get("/v1/tours/" + id).status()).isEqualTo(404);
        assertThat(http.get("/v1/admin/tours/" + id, admin.bearer()).status()).isEqualTo(200);

        assertThat(http.send("POST", "/v1/admin/tours/" + id + "/activate", "", admin.bearer())
                        .status())
                .isEqualTo(204);
        assertThat(http.get("/v1/tours/" + id).status()).isEqualTo(200);

        Http.Response property = http.json("POST", "/v1/admin/properties", property(), admin.bearer());
        assertThat(property.status()).as(property.toString()).isEqualTo(201);
        assertThat(property.data().get("nightlyPrice").asString()).isEqualTo("5500.00");
    }

    private String quotedDay(String id) {
        LocalDate start = today().plusDays(5);
        return http.get("/v1/vehicles/" + id + "/quote?startDate=" + start + "&endDate=" + start.plusDays(1))
                .data()
                .get("totalPrice")
                .asString();
    }

    private String listedPrice(String id, String language) {
        return http.get("/v1/vehicles?type=scooter&area=patong&per_page=100", "Accept-Language", language)
                .data()
                .valueStream()
                .filter(item -> item.get("id").asString().equals(id))
                .findFirst()
                .orElseThrow()
                .get("dailyPrice")
                .asString();
    }

    private static String vehicle(String brand) {
        return """
                {"type":"scooter","brand":"%s","model":"Primavera","year":2024,"engineCc":150,"seats":2,
                 "transmission":"automatic","nameEn":"%s for tests","nameRu":"Веспа для теста",
                 "descriptionEn":"A test scooter","descriptionRu":"Тестовый скутер","area":"patong",
                 "latitude":7.8961,"longitude":98.2964,"dailyPrice":"420","features":["helmet","phone holder"],
                 "photos":["https://cdn.phuket-app.com/v/1.jpg"]}"""
                .formatted(brand, brand);
    }

    private static String property() {
        return """
                {"type":"villa","nameEn":"Test pool villa","nameRu":"Тестовая вилла","descriptionEn":"Sea view",
                 "descriptionRu":"Вид на море","area":"kamala","latitude":7.95,"longitude":98.28,"bedrooms":3,
                 "bathrooms":3,"maxGuests":6,"nightlyPrice":5500,"minNights":3,"maxNights":30}""";
    }

    private static String tour() {
        return """
                {"category":"islands","nameEn":"Test island hop","nameRu":"Тестовые острова","descriptionEn":"Boats",
                 "descriptionRu":"Лодки","area":"chalong","latitude":7.82,"longitude":98.34,"durationHours":"7.5",
                 "startTime":"08:30","runDays":[1,3,5],"capacity":25,"pricePerPerson":"1900.00"}""";
    }
}
