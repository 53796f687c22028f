package com.phuketapp.platform.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Chooses between the two ways the app runs, before anything else is configured.
 *
 * <p>With no {@code SPRING_DATASOURCE_URL} the app starts its own PostgreSQL (embedded mode, sample data on by
 * default, readable logs). With one, it is in production shape: JSON logs, sample data off by default. Independently,
 * {@code SPRING_DATA_REDIS_URL} switches cache, limits and revocation from in-process to Redis. The values here are
 * defaults only: they sit last, so any explicit setting wins.
 */
public class DeploymentModeEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /**
     * Accounts are ours (identity module): Boot's generated in-memory user must never exist. Lettuce's per-command
     * observations are off too: on the rate-limit path (two Redis commands per request) they halved the throughput,
     * and Redis keeps its own command statistics.
     */
    private static final String ALWAYS_EXCLUDED = String.join(
            ",",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration");

    private static final String REDIS_AUTO_CONFIGURATIONS = String.join(
            ",",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean externalDatabase = StringUtils.hasText(environment.getProperty("spring.datasource.url"));
        boolean redis = StringUtils.hasText(environment.getProperty("spring.data.redis.url"));

        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("phuket.embedded-database.enabled", !externalDatabase);
        defaults.put(
                "phuket.catalog.sample-data",
                environment.getProperty("SAMPLE_DATA", String.valueOf(!externalDatabase)));
        defaults.put("phuket.cache.redis", redis);
        defaults.put("spring.cache.type", redis ? "redis" : "caffeine");
        defaults.put(
                "spring.autoconfigure.exclude",
                redis ? ALWAYS_EXCLUDED : ALWAYS_EXCLUDED + "," + REDIS_AUTO_CONFIGURATIONS);
        if (externalDatabase) {
            defaults.put("logging.structured.format.console", "ecs");
        }
        environment.getPropertySources().addLast(new MapPropertySource("phuketDeploymentMode", defaults));
    }

    /** Before the logging system reads its settings, so the JSON choice applies from the first line. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}
