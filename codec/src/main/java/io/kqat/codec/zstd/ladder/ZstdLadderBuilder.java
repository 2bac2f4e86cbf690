package io.kqat.codec.zstd.ladder;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.KqatException;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.ZstdMode;
import io.kqat.codec.zstd.spi.ZstdBackendProvider;
import io.kqat.codec.zstd.spi.ZstdProbe;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes every zstd provider once, in rank order, and turns the outcomes into rungs: ready, or skipped with the reason
 * ({@code zstd.mode}, {@code zstd.backend}, a missing library, a failed self test). Unlike gzip's, the zstd ladder has
 * no rung that needs nothing: with none ready, the caller keeps its own zstd.
 */
final class ZstdLadderBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(ZstdLadderBuilder.class);

    private ZstdLadderBuilder() {
    }

    static List<ZstdBackendProvider> discover() {
        List<ZstdBackendProvider> providers = new ArrayList<>();
        ServiceLoader.load(ZstdBackendProvider.class, ZstdBackendProvider.class.getClassLoader()).forEach(providers::add);
        return providers;
    }

    /** What the device rungs say while the agent's hook serves the first batches from software (zstd.mode auto). */
    static final String UNTIL_FIRST_BATCH = "starts at the first zstd batch, off its path (zstd.mode auto: the "
            + "ladder starts lazily; the software rungs serve until then)";

    static ZstdLadder build(CodecConfig config, List<ZstdBackendProvider> providers) {
        return build(config, providers, false);
    }

    /**
     * @param untilFirstBatch the device rungs are not probed now but left for later ({@link #UNTIL_FIRST_BATCH}): a
     *                        JVM that never touches zstd loads no QAT library
     */
    static ZstdLadder build(CodecConfig config, List<ZstdBackendProvider> providers, boolean untilFirstBatch) {
        List<ZstdBackendProvider> sorted = new ArrayList<>(providers);
        sorted.sort(Comparator.comparingInt(ZstdBackendProvider::rank));
        ZstdMode mode = ZstdMode.of(config);
        String wanted = config.get(KqatSettings.ZSTD_BACKEND);
        List<ZstdRung> rungs = new ArrayList<>();
        for (ZstdBackendProvider p : sorted) {
            String excluded = untilFirstBatch && p.device() ? UNTIL_FIRST_BATCH : exclusion(mode, wanted, p);
            if (excluded != null) {
                rungs.add(new ZstdRung(p.name(), p.rank(), p.device(), null, excluded));
                continue;
            }
            ZstdProbe probe;
            try {
                probe = p.probe(config);
            } catch (RuntimeException | LinkageError e) {
                probe = ZstdProbe.skipped(p.name(), "probe failed: " + e);
            }
            rungs.add(new ZstdRung(probe.name(), p.rank(), p.device(), probe.backend(), probe.reason()));
        }
        ZstdLadder ladder = new ZstdLadder(rungs, new ZstdRouting(rungs));
        checkRequirements(mode, wanted, ladder);
        LOG.info("kqat zstd (zstd.mode {}{}): ladder {}; routes {}", mode.id(),
                untilFirstBatch ? "; the QAT rungs start lazily at the first zstd batch" : "", rungs, ladder.routes());
        return ladder;
    }

    private static String exclusion(ZstdMode mode, String wanted, ZstdBackendProvider p) {
        if (mode == ZstdMode.OFF) {
            return "zstd.mode off";
        }
        if (wanted != null && !wanted.equals(p.name())) {
            return "zstd.backend '" + wanted + "' was requested";
        }
        if (mode == ZstdMode.SOFTWARE && p.device()) {
            return "zstd.mode software";
        }
        return null;
    }

    private static void checkRequirements(ZstdMode mode, String wanted, ZstdLadder ladder) {
        List<ZstdRung> rungs = ladder.rungs();
        if (wanted != null) {
            ZstdRung rung = rungs.stream().filter(r -> r.name().equals(wanted)).findFirst().orElse(null);
            if (rung == null || !rung.ready()) {
                ladder.close();
                throw new KqatException(rung == null
                        ? "unknown zstd backend '" + wanted + "'; known: " + rungs.stream().map(ZstdRung::name)
                                .collect(Collectors.toList())
                        : "zstd backend '" + wanted + "' is not available: " + rung.skipReason());
            }
        }
        if (mode == ZstdMode.QAT && rungs.stream().noneMatch(r -> r.device() && r.ready())) {
            String why = rungs.stream().filter(ZstdRung::device).map(r -> r.name() + ": " + r.skipReason())
                    .collect(Collectors.toList()).toString();
            ladder.close();
            throw new KqatException("zstd.mode qat requires a QAT zstd rung, none is usable " + why);
        }
    }
}
