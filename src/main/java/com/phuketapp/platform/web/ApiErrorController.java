package com.phuketapp.platform.web;

import com.phuketapp.platform.ApiException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Failures that never reached a controller (the container rejected the request, a filter threw) are forwarded here by
 * the servlet container; they leave in the same envelope as everything else instead of a whitelabel page.
 */
@RestController
class ApiErrorController implements ErrorController {

    private final ErrorResponder responder;

    ApiErrorController(ErrorResponder responder) {
        this.responder = responder;
    }

    @RequestMapping("/error")
    ResponseEntity<Object> error(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            // A filter threw (such as the bearer check, when the database is away).
            Throwable cause = unwrapped(failure);
            return responder.entity(
                    request, cause instanceof ApiException api ? api : ApiExceptionHandler.unexpected(cause, request));
        }
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus resolved = status instanceof Integer code && HttpStatus.resolve(code) != null
                ? HttpStatus.valueOf(code)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        return responder.entity(request, ApiExceptionHandler.byStatus(resolved));
    }

    /** The container wraps what a filter threw in a {@code ServletException}. */
    private static Throwable unwrapped(Throwable failure) {
        return failure instanceof ServletException wrapped && wrapped.getRootCause() != null
                ? wrapped.getRootCause()
                : failure;
    }
}
