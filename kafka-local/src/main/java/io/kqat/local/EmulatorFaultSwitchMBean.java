package io.kqat.local;

/** The management interface of {@link EmulatorFaultSwitch}. */
public interface EmulatorFaultSwitchMBean {
    /** From now on the emulated device fails {@code percent}% of requests (0: none). */
    void injectFaults(int percent);

    /** Requests the device took since it started. */
    long getRequests();

    /** Requests it failed on purpose (by percentage). */
    long getRandomFaults();
}
