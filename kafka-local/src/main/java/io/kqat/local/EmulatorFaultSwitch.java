package io.kqat.local;

import io.kqat.emulator.EmulatorControl;
import java.nio.file.Paths;

/**
 * Device faults switched on and off inside a running broker whose kqat agent uses the QAT emulator: created in the
 * broker over JMX ({@link ClusterNode#injectDeviceFaults}) from the broker's class path, it binds the same emulator
 * library the agent loaded, so the faults are that broker's alone and begin after kqat's start-up self test (a device
 * failing its self test is not used at all).
 */
public final class EmulatorFaultSwitch implements EmulatorFaultSwitchMBean {
    static final String NAME = "io.kqat.local:type=EmulatorFaultSwitch";
    private final EmulatorControl emulator;

    /** @param emulatorDir the emulator variant's directory, as the agent's {@code qat.emulator} names it */
    public EmulatorFaultSwitch(String emulatorDir) {
        this.emulator = EmulatorControl.open(Paths.get(emulatorDir));
    }

    @Override
    public void injectFaults(int percent) {
        emulator.setFailPercent(percent);
    }

    @Override
    public long getRequests() {
        return emulator.counter("requests");
    }

    @Override
    public long getRandomFaults() {
        return emulator.counter("random_faults");
    }
}
