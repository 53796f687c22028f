package com.phuketapp.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.phuketapp.support.Http;
import com.phuketapp.support.IntegrationTest;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Browsing the sample catalog as a traveller would, over real HTTP, against PostgreSQL and Redis. */
class CatalogHttpTest extends IntegrationTest {

    @Test
    void sampleCatalogIsLargeAndBilingual() {
        assertThat(total("/v1/vehicles")).isGreaterThanOrEqualTo(60);
        assertThat(total("/v1/properties")).isGreaterThanOrEqualTo(50);
        assertThat(total("/v1/tours")).isGreaterThanOrEqualTo(40);
        assertThat(total("/v1/areas?per_page=100")).isGreaterThanOrEqualTo(9);
        Http.Response areas = http.get("/v1/areas?per_page=5&page=2");
        assertThat(areas.data()).hasSize(5);
        assertThat(areas.header("X-Total-Pages").orElseThrow()).isEqualTo(String.valueOf((total("/v1/areas") + 4) / 5));
        assertThat(areas.header("Link").orElseThrow()).contains("rel=\"prev\"", "rel=\"next\"");

        JsonNode english = http.get("/v1/tours?per_page=100").data();
        JsonNode russian =
                http.get("/v1/tours?per_page=100", "Accept-Language", "ru-RU").data();
        for (int i = 0; i < english.size(); i++) {
            assertThat(russian.get(i).get("id")).isEqualTo(english.get(i).get("id"));
            assertThat(russian.get(i).get("name").asString()).containsPattern("[а-яА-ЯёЁ]");
            assertThat(russian.get(i).get("description").asString())
                    .isNotEqualTo(english.get(i).get("description").asString());
            assertThat(russian.get(i).at("/area/name").asString()).containsPattern("[а-яА-ЯёЁ]");
        }
    }

    @Test
    void vehicleListFiltersByTypeAreaAndPriceAndSortsByPrice() {
        Http.Response response =
                http.get("/v1/vehicles?type=scooter&area=patong&minPrice=200&maxPrice=400&sort=price&per_page=100");

        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> vehicles = response.data().valueStream().toList();
        assertThat(vehicles).isNotEmpty().allSatisfy(vehicle -> {
            assertThat(vehicle.get("type").asString()).isEqualTo("scooter");
            assertThat(vehicle.at("/area/code").asString()).isEqualTo("patong");
            assertThat(new BigDecimal(vehicle.get("dailyPrice").asString()))
                    .isBetween(new BigDecimal("200"), new BigDecimal("400"));
            assertThat(vehicle.get("currency").asString()).isEqualTo("THB");
        });
        List<BigDecimal> prices = vehicles.stream()
                .map(v -> new BigDecimal(v.get("dailyPrice").asString()))
                .toList();
        assertThat(prices).isSorted();
    }

    @Test
    void ratingSortIsDescendingWithMinusAndAscendingWithout() {
        List<Double> best = ratings("/v1/properties?sort=-rating&per_page=100");
        List<Double> worst = ratings("/v1/properties?sort=rating&per_page=100");

        assertThat(best).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(worst).isSorted();
    }

    @Test
    void propertyListKeepsThoseThatSleepEnoughGuests() {
        List<JsonNode> properties = http.get("/v1/properties?guests=6&per_page=100")
                .data()
                .valueStream()
                .toList();

        assertThat(properties)
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.get("maxGuests").asInt()).isGreaterThanOrEqualTo(6));
        assertThat((long) properties.size()).isLessThan(total("/v1/properties"));
    }

    @Test
    void tourListKeepsToursRunningOnTheDate() {
        LocalDate monday = LocalDate.of(2027, 1, 4);
        List<JsonNode> tours = http.get("/v1/tours?category=islands&date=" + monday + "&per_page=100")
                .data()
                .valueStream()
                .toList();

        assertThat(tours).isNotEmpty().allSatisfy(tour -> {
            assertThat(tour.get("category").asString()).isEqualTo("islands");
            assertThat(tour.get("runDays").valueStream().map(JsonNode::asInt)).contains(1);
        });
    }

    @Test
    void paginationHeadersAndLinksDescribeTheWholeList() {
        long total = total("/v1/vehicles");
        Http.Response second = http.get("/v1/vehicles?page=2&per_page=10&type=scooter");
        long scooters = Long.parseLong(second.header("X-Total-Count").orElseThrow());
        long pages = (scooters + 9) / 10;

        assertThat(second.data().size()).isEqualTo(10);
        assertThat(second.header("X-Page")).contains("2");
        assertThat(second.header("X-Per-Page")).contains("10");
        assertThat(second.header("X-Total-Pages")).contains(String.valueOf(pages));
        assertThat(second.header("Link").orElseThrow())
                .contains("</v1/vehicles?type=scooter&per_page=10&page=1>; rel=\"first\"")
                .contains("</v1/vehicles?type=scooter&per_page=10&page=1>; rel=\"prev\"")
                .contains("</v1/vehicles?type=scooter&per_page=10&page=3>; rel=\"next\"")
                .contains("</v1/vehicles?type=scooter&per_page=10&page=" + pages + ">; rel=\"last\"");
        assertThat(scooters).isLessThan(total);

        Http.Response beyond = http.get("/v1/vehicles?page=500&per_page=10");
        assertThat(beyond.data().size()).isZero();
        assertThat(beyond.header("X-Total-Count")).contains(String.valueOf(total));
    }

    @Test
    void detailComesInTheCallersLanguage() {
        JsonNode listed =
                http.get("/v1/properties?type=villa&per_page=1").data().get(0);
        String id = listed.get("id").asString();

        JsonNode english = http.get("/v1/properties/" + id).data();
        JsonNode russian = http.get("/v1/properties/" + id, "Accept-Language", "ru-RU,ru;q=0.9")
                .data();
        JsonNode fallback =
                http.get("/v1/properties/" + id, "Accept-Language", "th-TH").data();

        assertThat(english.get("name").asString()).isEqualTo(listed.get("name").asString());
        assertThat(russian.get("name").asString()).containsPattern("[а-яА-ЯёЁ]");
        assertThat(fallback.get("name").asString())
                .isEqualTo(english.get("name").asString());
        assertThat(english.get("nightlyPrice").asString()).matches("\\d+\\.\\d\\d");
        assertThat(english.get("photos").size()).isPositive();
        assertThat(english.at("/location/latitude").asDouble()).isBetween(7.7, 8.3);
    }

    @Test
    void searchFindsWordFormsInBothLanguagesRanked() {
        assertThat(searchKinds("скутеры")).isNotEmpty().first().isEqualTo("vehicle");
        assertThat(searchNames("скутеры", "ru-RU"))
                .allSatisfy(name -> assertThat(name.toLowerCase()).contains("скутер"));
        assertThat(searchKinds("villas")).isNotEmpty().first().isEqualTo("property");
        assertThat(searchNames("villas", "en")).first().satisfies(name -> assertThat(name.toLowerCase())
                .contains("villa"));
        assertThat(searchKinds("виллы")).first().isEqualTo("property");
        assertThat(searchKinds("diving")).first().isEqualTo("tour");
    }

    @Test
    void searchForgivesAOneLetterTypo() {
        assertThat(searchKinds("scoter")).isNotEmpty().first().isEqualTo("vehicle");
        assertThat(searchKinds("vila")).isNotEmpty().first().isEqualTo("property");
        assertThat(searchKinds("скутр")).isNotEmpty().first().isEqualTo("vehicle");
    }

    @Test
    void searchIsPaginatedAndEmptyWhenNothingMatches() {
        Http.Response response = http.get("/v1/search?q=" + encode("zzqxw") + "&per_page=5");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.data().size()).isZero();
        assertThat(response.header("X-Total-Count")).contains("0");
    }

    @Test
    void badParametersAreA400NamingEachOne() {
        assertInvalid("/v1/vehicles?page=0", "page");
        assertInvalid("/v1/vehicles?per_page=1000", "per_page");
        assertInvalid("/v1/vehicles?per_page=0", "per_page");
        assertInvalid("/v1/vehicles?page=abc", "page");
        assertInvalid("/v1/vehicles?type=boat", "type");
        assertInvalid("/v1/vehicles?area=atlantis", "area");
        assertInvalid("/v1/vehicles?sort=cheapest", "sort");
        assertInvalid("/v1/vehicles?minPrice=-5", "minPrice");
        assertInvalid("/v1/vehicles?maxPrice=12.345", "maxPrice");
        assertInvalid("/v1/vehicles?minPrice=500&maxPrice=100", "minPrice");
        assertInvalid("/v1/properties?guests=0", "guests");
        assertInvalid("/v1/properties?guests=lots", "guests");
        assertInvalid("/v1/tours?category=space", "category");
        assertInvalid("/v1/tours?date=2027-02-30", "date");
        assertInvalid("/v1/search", "q");
        assertInvalid("/v1/search?q=" + "a".repeat(5000), "q");

        Http.Response several = http.get("/v1/vehicles?type=boat&minPrice=cheap&area=nowhere");
        assertThat(several.json().at("/error/details").valueStream().map(d -> d.get("field")
                        .asString()))
                .containsExactlyInAnyOrder("type", "minPrice", "area");
        assertThat(http.get("/v1/vehicles?type=boat", "Accept-Language", "ru")
                        .json()
                        .at("/error/details/0/message")
                        .asString())
                .startsWith("Допустимые значения: scooter, motorbike, car");
    }

    @Test
    void sqlLookingInputIsJustText() {
        String injection = "' OR 1=1; DROP TABLE vehicles; --";

        assertInvalid("/v1/vehicles?area=" + encode(injection), "area");
        assertInvalid("/v1/vehicles?type=" + encode(injection), "type");
        Http.Response search = http.get("/v1/search?q=" + encode(injection));
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.body()).doesNotContain("syntax", "SQL");
        assertThat(total("/v1/vehicles")).isGreaterThanOrEqualTo(60);
        assertThat(http.get("/v1/search?q=" + encode("villa & | ! <-> :* (")).status())
                .isEqualTo(200);
    }

    @Test
    void unknownIdIsA404AndMalformedIdA400() {
        for (String kind : new String[] {"vehicles", "properties", "tours"}) {
            Http.Response unknown = http.get("/v1/" + kind + "/" + UUID.randomUUID());
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.json().at("/error/code").asString()).isEqualTo("NOT_FOUND");

            for (String malformed : new String[] {"42", "not-a-uuid", encode("1' OR '1'='1")}) {
                Http.Response bad = http.get("/v1/" + kind + "/" + malformed);
                assertThat(bad.status()).isEqualTo(400);
                assertThat(bad.json().at("/error/details/0/field").asString()).isEqualTo("id");
            }
        }
    }

    private void assertInvalid(String path, String field) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(path).isEqualTo(400);
        assertThat(response.json().at("/error/code").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(response.json().at("/error/details").valueStream().map(d -> d.get("field")
                        .asString()))
                .as(path)
                .contains(field);
    }

    private long total(String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(path).isEqualTo(200);
        return Long.parseLong(response.header("X-Total-Count")
                .orElse(String.valueOf(response.data().size())));
    }

    private List<Double> ratings(String path) {
        return http.get(path)
                .data()
                .valueStream()
                .map(p -> p.get("rating").asDouble())
                .toList();
    }

    private List<String> searchKinds(String query) {
        return http.get("/v1/search?per_page=5&q=" + encode(query))
                .data()
                .valueStream()
                .map(hit -> hit.get("kind").asString())
                .toList();
    }

    private List<String> searchNames(String query, String language) {
        return http.get("/v1/search?per_page=5&q=" + encode(query), "Accept-Language", language)
                .data()
                .valueStream()
                .map(hit -> hit.get("name").asString())
                .toList();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
