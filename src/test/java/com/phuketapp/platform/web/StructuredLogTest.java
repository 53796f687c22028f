package com.phuketapp.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.phuketapp.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** With an external database (production shape) every log line is one JSON object carrying the request id. */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogTest extends IntegrationTest {

    @Autowired
    private JsonMapper json;

    @Test
    void everyLogLineIsOneJsonObjectWithTheRequestId(CapturedOutput output) {
        http.get("/v1/no-such-route", "X-Request-ID", "log-check-43");

        List<String> lines =
                output.getOut().lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).isNotEmpty();
        List<JsonNode> entries = lines.stream().map(json::readTree).toList();
        assertThat(entries).allSatisfy(entry -> assertThat(entry.isObject()).isTrue());
        assertThat(entries)
                .filteredOn(entry -> entry.path("message").asString().contains("/v1/no-such-route"))
                .isNotEmpty()
                .allSatisfy(
                        entry -> assertThat(entry.path("requestId").asString()).isEqualTo("log-check-43"));
    }
}
