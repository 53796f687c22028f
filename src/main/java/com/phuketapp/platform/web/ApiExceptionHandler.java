package com.phuketapp.platform.web;

import com.phuketapp.platform.ApiException;
import com.phuketapp.platform.ErrorCode;
import com.phuketapp.platform.ErrorDetail;
import com.phuketapp.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * The one mapping from anything a controller can throw to the contract's error envelope. Spring MVC's own failures
 * (bad JSON, wrong method, wrong media type, unknown path) keep their status and get our code and a localised
 * message; anything unexpected becomes a bare 500, logged with the request id, never shown.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    /**
     * SQLSTATEs of values PostgreSQL cannot take whatever the query: numeric or date/time out of range, a malformed
     * date/time, a character outside the encoding (NUL in a text), an untranslatable character.
     */
    private static final Set<String> VALUES_POSTGRES_REFUSES = Set.of("22003", "22007", "22008", "22021", "22P05");

    private final ErrorResponder responder;

    ApiExceptionHandler(ErrorResponder responder) {
        this.responder = responder;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> handleApi(ApiException failure, HttpServletRequest request) {
        return responder.entity(request, failure);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception failure, HttpServletRequest request) {
        return responder.entity(request, unexpected(failure, request));
    }

    /**
     * What an exception no handler expected becomes. The database being out of reach is a 503 (logged in one line:
     * during an outage every request fails the same way), and so is a transaction it gave up on for a reason that
     * passes (a deadlock, a lock or statement timeout): it was rolled back whole, so the client may send the request
     * again, with the same Idempotency-Key where it has one; a value PostgreSQL cannot store (a NUL character, a date
     * beyond its range) got past our checks but is still the client's, so a 400; anything else is a 500.
     */
    static ApiException unexpected(Throwable failure, HttpServletRequest request) {
        if (failure instanceof DataAccessResourceFailureException
                || failure instanceof TransientDataAccessException // deadlock, lock or statement timeout
                || failure instanceof CannotCreateTransactionException) { // no connection to begin a transaction on
            log.warn(
                    "Database unavailable or busy on {} {}: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    failure.toString());
            return new ApiException(ErrorCode.SERVICE_UNAVAILABLE);
        }
        if (failure instanceof DataIntegrityViolationException refusedValue
                && refusedValue.getMostSpecificCause() instanceof SQLException refused
                && VALUES_POSTGRES_REFUSES.contains(refused.getSQLState())) {
            log.info(
                    "PostgreSQL refused a value on {} {}: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    refused.getMessage());
            return new InvalidInputException(List.of());
        }
        log.error("Unhandled failure on {} {}", request.getMethod(), request.getRequestURI(), failure);
        return new ApiException(ErrorCode.INTERNAL_ERROR);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(
            Exception failure,
            @Nullable Object body,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest webRequest) {
        HttpServletRequest request = ((NativeWebRequest) webRequest).getNativeRequest(HttpServletRequest.class);
        if (failure instanceof HttpMessageNotWritableException && clientWentAway(failure)) {
            // Nobody is left to answer; a stack trace per dropped connection would only add load under overload.
            log.debug("Client went away during {}", request == null ? "?" : request.getRequestURI());
            return null;
        }
        ApiException translated = translate(failure, status);
        if (translated.code() == ErrorCode.INTERNAL_ERROR) {
            log.error("Framework failure on {}", request == null ? "?" : request.getRequestURI(), failure);
        }
        ResponseEntity<Object> entity = responder.entity(request, translated);
        HttpHeaders merged = new HttpHeaders();
        merged.putAll(headers);
        merged.putAll(entity.getHeaders());
        return new ResponseEntity<>(entity.getBody(), merged, entity.getStatusCode());
    }

    private static ApiException translate(Exception failure, HttpStatusCode status) {
        return switch (failure) {
            case MethodArgumentNotValidException invalid ->
                new InvalidInputException(invalid.getFieldErrors().stream()
                        .map(error -> new ErrorDetail(error.getField(), error))
                        .toList());
            case HandlerMethodValidationException invalid ->
                new InvalidInputException(invalid.getParameterValidationResults().stream()
                        .flatMap(result -> result.getResolvableErrors().stream()
                                .map(error -> new ErrorDetail(parameterName(result, error), error)))
                        .toList());
            case TypeMismatchException mismatch ->
                InvalidInputException.of(
                        mismatch.getPropertyName() == null ? "parameter" : mismatch.getPropertyName(),
                        "validation.typeMismatch",
                        mismatch.getRequiredType() == null
                                ? "value"
                                : mismatch.getRequiredType().getSimpleName());
            case MissingServletRequestParameterException missing ->
                InvalidInputException.of(missing.getParameterName(), "validation.required");
            case HttpMessageNotReadableException unreadable -> unreadable(unreadable);
            case HttpRequestMethodNotSupportedException ignored -> new ApiException(ErrorCode.METHOD_NOT_ALLOWED);
            case HttpMediaTypeNotSupportedException ignored -> new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
            case HttpMediaTypeNotAcceptableException ignored -> new ApiException(ErrorCode.NOT_ACCEPTABLE);
            default -> byStatus(status);
        };
    }

    private static boolean clientWentAway(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static String parameterName(ParameterValidationResult result, MessageSourceResolvable error) {
        if (error instanceof FieldError fieldError) {
            return fieldError.getField();
        }
        String name = result.getMethodParameter().getParameterName();
        return name == null ? "parameter" : name;
    }

    /** Malformed JSON, a wrong type inside it, or a body over the size limit (found while reading it). */
    private static ApiException unreadable(HttpMessageNotReadableException failure) {
        // A body over the limit fails deep inside Jackson, which wraps it with the path it was reading: look for it
        // first, or it would pass for a malformed field.
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException api) {
                return api;
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabindException databind
                    && !databind.getPath().isEmpty()) {
                String path = databind.getPath().stream()
                        .map(reference -> reference.getPropertyName() != null
                                ? reference.getPropertyName()
                                : String.valueOf(reference.getIndex()))
                        .collect(Collectors.joining("."));
                return InvalidInputException.of(path, "validation.unreadableField");
            }
        }
        return InvalidInputException.of("body", "validation.malformedJson");
    }

    static ApiException byStatus(HttpStatusCode status) {
        return switch (HttpStatus.resolve(status.value())) {
            case null -> new ApiException(ErrorCode.INTERNAL_ERROR);
            case BAD_REQUEST -> new InvalidInputException(List.of());
            case UNAUTHORIZED -> new ApiException(ErrorCode.UNAUTHORIZED);
            case FORBIDDEN -> new ApiException(ErrorCode.FORBIDDEN);
            case NOT_FOUND -> new ApiException(ErrorCode.NOT_FOUND);
            case METHOD_NOT_ALLOWED -> new ApiException(ErrorCode.METHOD_NOT_ALLOWED);
            case NOT_ACCEPTABLE -> new ApiException(ErrorCode.NOT_ACCEPTABLE);
            case CONTENT_TOO_LARGE -> new ApiException(ErrorCode.PAYLOAD_TOO_LARGE);
            case UNSUPPORTED_MEDIA_TYPE -> new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
            case TOO_MANY_REQUESTS -> new ApiException(ErrorCode.RATE_LIMITED);
            case SERVICE_UNAVAILABLE -> new ApiException(ErrorCode.SERVICE_UNAVAILABLE);
            default -> new ApiException(ErrorCode.INTERNAL_ERROR);
        };
    }
}
