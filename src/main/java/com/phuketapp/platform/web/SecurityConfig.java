package com.phuketapp.platform.web;

import com.phuketapp.platform.BearerAuthenticator;
import com.phuketapp.platform.CredentialRoutes;
import com.phuketapp.platform.ErrorCode;
import com.phuketapp.platform.ProtectedRoutes;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Security headers on every response and a stateless API. The interactive API docs get a CSP that lets their own
 * scripts and styles load; everything else gets a CSP that loads nothing. HSTS is sent on HTTPS requests, including
 * those a trusted TLS-terminating proxy marks with {@code X-Forwarded-Proto: https}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";
    private static final String DOCS_POLICY =
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                    + "script-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain docs(HttpSecurity http, ErrorResponder responder) throws Exception {
        http.securityMatcher("/v1/docs", "/v1/docs/**", "/swagger-ui/**", "/v3/api-docs/**");
        return common(http, responder)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(DOCS_POLICY)))
                .build();
    }

    /**
     * The API: a valid bearer token makes the caller known (except on {@link CredentialRoutes}); {@code /v1/admin/**}
     * is for admins, the patterns of every {@link ProtectedRoutes} bean for signed-in callers, the rest public.
     */
    @Bean
    @Order(2)
    SecurityFilterChain api(
            HttpSecurity http,
            ErrorResponder responder,
            ObjectProvider<BearerAuthenticator> authenticator,
            List<ProtectedRoutes> protectedRoutes,
            List<CredentialRoutes> credentialRoutes)
            throws Exception {
        Set<String> credentialPaths = credentialRoutes.stream()
                .flatMap(routes -> routes.paths().stream())
                .collect(Collectors.toUnmodifiableSet());
        authenticator.ifAvailable(bearer -> http.addFilterBefore(
                new BearerTokenFilter(bearer, responder, credentialPaths), AnonymousAuthenticationFilter.class));
        String[] signedIn = protectedRoutes.stream()
                .flatMap(routes -> routes.patterns().stream())
                .toArray(String[]::new);
        return common(http, responder)
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/v1/admin/**").hasRole("ADMIN");
                    if (signedIn.length > 0) {
                        requests.requestMatchers(signedIn).authenticated();
                    }
                    requests.anyRequest().permitAll();
                })
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY)))
                .build();
    }

    /**
     * Spring Security would otherwise time each of its filters as an observation on every request; the request as a
     * whole is already measured ({@code http.server.requests}), and the per-filter timings cost more than they tell.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    private static HttpSecurity common(HttpSecurity http, ErrorResponder responder) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, failure) ->
                                responder.write(request, response, ErrorCode.UNAUTHORIZED))
                        .accessDeniedHandler((request, response, failure) ->
                                responder.write(request, response, ErrorCode.FORBIDDEN)))
                .headers(headers -> headers.contentTypeOptions(options -> {})
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .httpStrictTransportSecurity(
                                hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
    }
}
