package com.phuketapp.platform;

import java.util.List;

/**
 * A failure the client must hear about, carrying a contract error code. The one exception handler in {@code platform}
 * turns it into the error envelope; the message is looked up by {@link #messageKey()} in the caller's language.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final String messageKey;
    private final Object[] messageArguments;
    private final List<ErrorDetail> details;

    public ApiException(ErrorCode code) {
        this(code, code.messageKey(), List.of());
    }

    public ApiException(ErrorCode code, String messageKey, List<ErrorDetail> details, Object... messageArguments) {
        super(code + ": " + messageKey, null, false, false);
        this.code = code;
        this.messageKey = messageKey;
        this.messageArguments = messageArguments.clone();
        this.details = List.copyOf(details);
    }

    public ErrorCode code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] messageArguments() {
        return messageArguments.clone();
    }

    public List<ErrorDetail> details() {
        return details;
    }
}
