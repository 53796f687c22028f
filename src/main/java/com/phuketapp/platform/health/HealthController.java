package com.phuketapp.platform.health;

import com.phuketapp.platform.RawBody;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Health for people and orchestrators, on the public port: {@code /health} lists each dependency with its state and
 * latency; {@code /health/live} says the process serves; {@code /health/ready} fails only when a required dependency
 * is down, so an outside service's outage never takes instances out of rotation.
 */
@RestController
@RequestMapping("/health")
@RawBody
class HealthController {

    private final HealthService health;

    HealthController(HealthService health) {
        this.health = health;
    }

    @GetMapping
    ResponseEntity<HealthService.Report> health() {
        HealthService.Report report = health.report();
        return respond(report.status() == HealthService.Status.DOWN, report);
    }

    @GetMapping("/live")
    ResponseEntity<Map<String, String>> live() {
        return respond(false, Map.of("status", "UP"));
    }

    @GetMapping("/ready")
    ResponseEntity<Map<String, String>> ready() {
        boolean down = health.report().status() == HealthService.Status.DOWN;
        return respond(down, Map.of("status", down ? "DOWN" : "UP"));
    }

    private static <T> ResponseEntity<T> respond(boolean down, T body) {
        return ResponseEntity.status(down ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK)
                .cacheControl(CacheControl.noStore())
                .body(body);
    }
}
