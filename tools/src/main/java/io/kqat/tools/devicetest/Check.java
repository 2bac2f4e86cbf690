package io.kqat.tools.devicetest;

/** One check of the device test. Throwing is a FAIL with the exception as the reason. */
interface Check {
    String name();

    /** @return PASS or FAIL with why; an {@link AssertionError} or any exception is a FAIL too */
    CheckResult run(DeviceUnderTest device) throws Exception;
}
