package com.phuketapp.platform.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Health settings ({@code phuket.health.*}).
 *
 * @param checkTimeout how long one dependency may take to answer before it counts as down
 */
@ConfigurationProperties("phuket.health")
record HealthProperties(@DefaultValue("2s") Duration checkTimeout) {}
