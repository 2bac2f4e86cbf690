package io.kqat.tools.doctor.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * One check's verdict: what was found and, for a problem, what it costs and the exact fix on Kubernetes and on bare
 * metal. {@code --json} writes these fields in this order; {@code problem} and {@code fix} only when there is one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckResult(String id, Status status, String found, String problem, Fix fix) {

    /**
     * ok: as kqat wants it; info: nothing to act on here; warn: kqat runs, QAT does not or not fully; fail: qatlib
     * will refuse to start.
     */
    public enum Status {
        OK, INFO, WARN, FAIL;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The same fix for two kinds of deployment. */
    public record Fix(String kubernetes, String bareMetal) {
    }

    static CheckResult ok(String id, String found) {
        return new CheckResult(id, Status.OK, found, null, null);
    }

    static CheckResult info(String id, String found) {
        return new CheckResult(id, Status.INFO, found, null, null);
    }

    static CheckResult problem(String id, Status status, String found, String problem, String kubernetes, String bareMetal) {
        return new CheckResult(id, status, found, problem, new Fix(kubernetes, bareMetal));
    }
}
