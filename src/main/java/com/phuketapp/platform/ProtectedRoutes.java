package com.phuketapp.platform;

import java.util.List;

/**
 * Paths (Ant patterns such as {@code /v1/users/**}) a module serves only to signed-in callers. Every path under
 * {@code /v1/admin/} is for admins; everything not declared is public.
 */
public record ProtectedRoutes(List<String> patterns) {

    public ProtectedRoutes {
        patterns = List.copyOf(patterns);
    }

    public static ProtectedRoutes of(String... patterns) {
        return new ProtectedRoutes(List.of(patterns));
    }
}
