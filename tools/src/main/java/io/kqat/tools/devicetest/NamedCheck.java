package io.kqat.tools.devicetest;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.GzipCodec;

/** A check that runs on the device test's shared codec and its ready QAT rung. */
record NamedCheck(String name, OnCodec body) implements Check {

    /** The body of a check on one codec. */
    interface OnCodec {
        CheckResult run(GzipCodec codec, BackendStatus qat) throws Exception;
    }

    @Override
    public CheckResult run(DeviceUnderTest device) throws Exception {
        try (GzipCodec codec = device.codec()) {
            return body.run(codec, DeviceUnderTest.requireQat(codec));
        }
    }
}
