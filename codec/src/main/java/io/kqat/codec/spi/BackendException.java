package io.kqat.codec.spi;

import io.kqat.codec.KqatException;

/**
 * A backend could not serve one request. The input itself may be fine: the caller redoes the request on the next rung.
 * {@link #deviceFault()} says whether the backend itself misbehaved (an error status, a timeout): only those count
 * towards its circuit breaker. Running out of staging memory, or a request larger than the backend takes, is not the
 * backend's fault.
 */
public class BackendException extends KqatException {
    private final boolean deviceFault;

    public BackendException(String message) {
        this(message, true, null);
    }

    public BackendException(String message, Throwable cause) {
        this(message, true, cause);
    }

    protected BackendException(String message, boolean deviceFault, Throwable cause) {
        super(message, cause);
        this.deviceFault = deviceFault;
    }

    /** A request this backend declines without having failed: the next rung takes it, no breaker penalty. */
    public static BackendException declined(String message) {
        return new BackendException(message, false, null);
    }

    public boolean deviceFault() {
        return deviceFault;
    }
}
