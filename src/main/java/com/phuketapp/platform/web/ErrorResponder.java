package com.phuketapp.platform.web;

import com.phuketapp.platform.ApiException;
import com.phuketapp.platform.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The single place an error envelope is built, whether the failure surfaced in a controller, a filter, Spring Security
 * or the servlet container. Messages come in the caller's language.
 */
@Component
public class ErrorResponder {

    private final MessageSource messages;
    private final LocaleResolver localeResolver;
    private final JsonMapper json;

    ErrorResponder(MessageSource messages, LocaleResolver localeResolver, JsonMapper json) {
        this.messages = messages;
        this.localeResolver = localeResolver;
        this.json = json;
    }

    ResponseEntity<Object> entity(HttpServletRequest request, ApiException failure) {
        return ResponseEntity.status(failure.code().status())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body(request, failure));
    }

    /** For code outside Spring MVC (filters, security entry points): writes the envelope straight to the response. */
    public void write(HttpServletRequest request, HttpServletResponse response, ApiException failure)
            throws IOException {
        response.setStatus(failure.code().status().value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader("Cache-Control", "no-store");
        json.writeValue(response.getOutputStream(), body(request, failure));
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code) throws IOException {
        write(request, response, new ApiException(code));
    }

    Envelopes.Failure body(HttpServletRequest request, ApiException failure) {
        Locale locale = localeResolver.resolveLocale(request);
        String message = messages.getMessage(
                failure.messageKey(), failure.messageArguments(), failure.code().name(), locale);
        List<Envelopes.Detail> details = failure.details().stream()
                .map(detail -> new Envelopes.Detail(detail.field(), messages.getMessage(detail.message(), locale)))
                .toList();
        return new Envelopes.Failure(
                new Envelopes.ErrorBody(failure.code().name(), message, details),
                Envelopes.Meta.of(RequestIds.of(request)));
    }
}
