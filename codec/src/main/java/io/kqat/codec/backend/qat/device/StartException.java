package io.kqat.codec.backend.qat.device;

/**
 * QAT cannot be used in this process: qatlib did not start, no instance has what kqat needs, or an instance did not
 * answer what kqat must know at start. The message says why; it becomes the rung's skip reason.
 */
public final class StartException extends RuntimeException {
    public StartException(String message) {
        super(message);
    }
}
