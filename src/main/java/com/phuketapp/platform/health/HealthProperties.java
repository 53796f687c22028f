package com.phuketapp.platform.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Health settings ({@code phuket.health.*}).
 *
 * @param checkTimeout how long one dependency may take to answer before it counts as down
 * @param reportFreshFor how long one report answers every caller: the health routes are public, and a flood of them
 *     must neither load the dependencies nor queue on the database check's one connection (0: probe every time)
 */
@ConfigurationProperties("phuket.health")
record HealthProperties(@DefaultValue("2s") Duration checkTimeout, @DefaultValue("1s") Duration reportFreshFor) {}
