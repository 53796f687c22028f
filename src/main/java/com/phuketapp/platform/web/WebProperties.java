package com.phuketapp.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Web settings of the platform ({@code phuket.web.*}).
 *
 * @param maxBodySize the largest request body accepted; larger ones answer 413
 */
@ConfigurationProperties("phuket.web")
record WebProperties(@DefaultValue("256KB") DataSize maxBodySize) {}
