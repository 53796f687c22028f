package com.phuketapp.platform;

/**
 * Part of a job is done and part failed: retrying (or dead-lettering) must carry on from {@code remaining}, the
 * payload of what is left, so that the done part is not repeated.
 */
public class PartialJobFailure extends RuntimeException {

    private final transient Object remaining;
    private final boolean permanent;

    /** @param permanent whether what is left can never succeed as it is (dead-letter it at once) */
    public PartialJobFailure(Object remaining, boolean permanent, Throwable cause) {
        super(cause.toString(), cause);
        this.remaining = remaining;
        this.permanent = permanent;
    }

    public Object remaining() {
        return remaining;
    }

    public boolean permanent() {
        return permanent;
    }
}
