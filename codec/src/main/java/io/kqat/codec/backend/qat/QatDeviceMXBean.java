package io.kqat.codec.backend.qat;

/**
 * JMX view of QAT in this process ({@link io.kqat.codec.metrics.KqatObjectNames#QAT_DEVICE}), so a fallback to
 * software is never silent: whether qatlib started, how often it refused, and how the started device is used.
 */
public interface QatDeviceMXBean {
    /** {@code started: ...} with the instances and completion mode, or {@code not started: <why>}, or not tried yet. */
    String getStatus();

    /** Starts qatlib refused ({@code icp_sal_userStart} failed: no VF left for this process, say). */
    long getStartRefusals();

    /** Data compression instances in use; 0 when not started. */
    int getInstances();

    /** {@code event-driven ...} or {@code polled (why)}; empty when not started. */
    String getCompletions();

    /** The most requests this process had in flight at once. */
    long getMaxConcurrentRequests();

    /** Requests submitted while as many were in flight as there are instances: callers sharing an instance. */
    long getRequestsBeyondInstances();
}
