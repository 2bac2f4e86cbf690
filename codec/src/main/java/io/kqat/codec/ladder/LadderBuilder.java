package io.kqat.codec.ladder;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.KqatException;
import io.kqat.codec.Mode;
import io.kqat.codec.spi.BackendProvider;
import io.kqat.codec.spi.Probe;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes every provider once, in rank order, and turns the outcomes into rungs: ready, or skipped with the reason. The
 * last resort (a provider that needs nothing but the JVM) is always probed and always last, whatever the mode.
 */
final class LadderBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(LadderBuilder.class);

    private LadderBuilder() {
    }

    static List<BackendProvider> discover() {
        List<BackendProvider> providers = new ArrayList<>();
        ServiceLoader.load(BackendProvider.class, BackendProvider.class.getClassLoader()).forEach(providers::add);
        return providers;
    }

    static BackendLadder build(CodecConfig config, List<BackendProvider> providers) {
        List<BackendProvider> sorted = new ArrayList<>(providers);
        if (sorted.stream().noneMatch(BackendProvider::lastResort)) {
            discover().stream().filter(BackendProvider::lastResort).forEach(sorted::add);
        }
        sorted.sort(Comparator.comparing(BackendProvider::lastResort).thenComparingInt(BackendProvider::rank));
        List<Rung> rungs = new ArrayList<>();
        for (BackendProvider p : sorted) {
            String excluded = exclusion(config, p);
            if (excluded != null) {
                rungs.add(new Rung(p.name(), p.rank(), p.device(), null, excluded));
                continue;
            }
            Probe probe;
            try {
                probe = p.probe(config);
            } catch (RuntimeException | LinkageError e) {
                probe = Probe.skipped(p.name(), "probe failed: " + e);
            }
            rungs.add(new Rung(probe.name(), p.rank(), p.device(), probe.backend(), probe.reason()));
        }
        Rung last = rungs.isEmpty() ? null : rungs.get(rungs.size() - 1);
        if (last == null || !last.ready() || !sorted.get(sorted.size() - 1).lastResort()) {
            closeAll(rungs);
            throw new KqatException("no last-resort backend (the JDK's) is on the class path: " + rungs);
        }
        BackendLadder ladder = new BackendLadder(rungs, new Routing(rungs, config));
        checkRequirements(config, ladder);
        LOG.info("kqat gzip level {}: compressing with {}, decompressing with {}; ladder {}; routes {}", config.level(),
                ladder.chosenFor(config.level()).name(), ladder.chosenForDecompress().name(), rungs, ladder.routes());
        return ladder;
    }

    private static String exclusion(CodecConfig config, BackendProvider p) {
        if (p.lastResort()) {
            return null;
        }
        if (config.backend() != null && !config.backend().equals(p.name())) {
            return "backend '" + config.backend() + "' was requested";
        }
        if (config.mode() == Mode.JDK) {
            return "mode jdk";
        }
        if (config.mode() == Mode.SOFTWARE && p.device()) {
            return "mode software";
        }
        return null;
    }

    private static void closeAll(List<Rung> rungs) {
        new BackendLadder(rungs, null).close();
    }

    private static void checkRequirements(CodecConfig config, BackendLadder ladder) {
        List<Rung> rungs = ladder.rungs();
        if (config.backend() != null) {
            Rung wanted = rungs.stream().filter(r -> r.name().equals(config.backend())).findFirst().orElse(null);
            if (wanted == null) {
                ladder.close();
                throw new KqatException("unknown backend '" + config.backend() + "'; known: "
                        + rungs.stream().map(Rung::name).collect(Collectors.toList()));
            }
            if (!wanted.ready()) {
                ladder.close();
                throw new KqatException("backend '" + config.backend() + "' is not available: " + wanted.skipReason());
            }
        }
        if (config.mode() == Mode.QAT && rungs.stream().noneMatch(r -> r.device() && r.ready())) {
            String why = rungs.stream().filter(Rung::device).map(r -> r.name() + ": " + r.skipReason())
                    .collect(Collectors.toList()).toString();
            ladder.close();
            throw new KqatException("mode qat requires a QAT device, none is usable " + why);
        }
    }
}
