package com.phuketapp.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller (or one handler) whose successful GET answers anyone may cache for {@link #maxAgeSeconds()}.
 * Every other answer is sent with {@code Cache-Control: no-store}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PublicCache {
    int maxAgeSeconds();
}
