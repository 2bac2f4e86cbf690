package io.kqat.tools.doctor.container;

/** One check of what a QAT device needs from the container or machine kqat runs in. */
interface ContainerCheck {
    /** The check's stable name in the report ({@code memlock}, {@code vfio}, ...). */
    String id();

    CheckResult check(Host host, CheckContext context);
}
