package io.kqat.codec.spi;

import io.kqat.codec.KqatException;

/**
 * A backend could not serve one request. The input itself may be fine: the caller redoes the request on the next rung.
 * Every one says which it is, there is no default: {@link #fault} when the backend itself misbehaved (a device's error
 * status or timeout, a device known not to answer, a library's impossible answer), counted as an error and towards its
 * circuit breaker; {@link #declined} when it did not fail (no staging or native memory left, a request larger than it
 * takes, closed), which costs nothing but the move to the next rung.
 */
public class BackendException extends KqatException {
    private final boolean deviceFault;

    /** The backend failed this request: counted, and towards its breaker. */
    public static BackendException fault(String message) {
        return new BackendException(message, true, null);
    }

    public static BackendException fault(String message, Throwable cause) {
        return new BackendException(message, true, cause);
    }

    protected BackendException(String message, boolean deviceFault, Throwable cause) {
        super(message, cause);
        this.deviceFault = deviceFault;
    }

    /** A request this backend declines without having failed: the next rung takes it, no breaker penalty. */
    public static BackendException declined(String message) {
        return new BackendException(message, false, null);
    }

    /** True for {@link #fault}: the backend (a device or a library) misbehaved; false when it declined. */
    public boolean deviceFault() {
        return deviceFault;
    }
}
