package com.phuketapp.platform;

/** A job that can never succeed as it is (the outside service refused the request itself): no retries. */
public class PermanentJobFailure extends RuntimeException {

    public PermanentJobFailure(String message) {
        super(message);
    }
}
