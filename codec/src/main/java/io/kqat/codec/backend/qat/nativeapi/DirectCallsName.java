package io.kqat.codec.backend.qat.nativeapi;

/** The binary name of {@link DirectCalls}, as a constant: naming the class itself would load it in kqat's loader. */
final class DirectCallsName {
    static final String NAME = "io.kqat.codec.backend.qat.nativeapi.DirectCalls";

    private DirectCallsName() {
    }
}
