package com.phuketapp.platform;

import java.util.List;

/** The resource does not exist, or the caller may not know that it exists. */
public class NotFoundException extends ApiException {

    public NotFoundException() {
        super(ErrorCode.NOT_FOUND);
    }

    public NotFoundException(String messageKey) {
        super(ErrorCode.NOT_FOUND, messageKey, List.of());
    }
}
