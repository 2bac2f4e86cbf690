package io.kqat.codec.backend;

import io.kqat.codec.KqatException;

/**
 * A backend could not serve one request (device fault, timeout, overflow, resource exhaustion).
 * The input itself may be fine: the caller redoes the request on the next backend of the ladder.
 */
public class BackendException extends KqatException {
    public BackendException(String message) {
        super(message);
    }

    public BackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
