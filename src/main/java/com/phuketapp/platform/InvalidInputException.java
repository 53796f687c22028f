package com.phuketapp.platform;

import java.util.List;

/** A request the server will not act on because a field or parameter is malformed; each detail names one. */
public class InvalidInputException extends ApiException {

    public InvalidInputException(List<ErrorDetail> details) {
        super(ErrorCode.VALIDATION_ERROR, ErrorCode.VALIDATION_ERROR.messageKey(), details);
    }

    public static InvalidInputException of(String field, String messageKey, Object... arguments) {
        return new InvalidInputException(List.of(ErrorDetail.of(field, messageKey, arguments)));
    }
}
