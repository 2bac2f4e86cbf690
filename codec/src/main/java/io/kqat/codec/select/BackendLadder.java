package io.kqat.codec.select;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.KqatException;
import io.kqat.codec.Mode;
import io.kqat.codec.backend.Backend;
import io.kqat.codec.backend.BackendException;
import io.kqat.codec.backend.BackendProvider;
import io.kqat.codec.backend.jdk.JdkBackend;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fallback ladder, decided once at start: every provider is probed, in rank order, and each rung is either ready
 * or skipped with a reason. At run time a request goes to the best ready rung whose breaker allows it; a
 * {@link BackendException} sends that one request to the next rung, so no request is ever lost. The JDK rung is always
 * last and never fails for reasons other than bad input.
 */
public final class BackendLadder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackendLadder.class);

    private final List<Rung> rungs;

    BackendLadder(List<Rung> rungs) {
        this.rungs = List.copyOf(rungs);
    }

    /** Probes the providers found by {@link ServiceLoader} and builds the ladder the config allows. */
    public static BackendLadder build(CodecConfig config) {
        List<BackendProvider> providers = new ArrayList<>();
        ServiceLoader.load(BackendProvider.class, BackendProvider.class.getClassLoader()).forEach(providers::add);
        return build(config, providers);
    }

    public static BackendLadder build(CodecConfig config, List<BackendProvider> providers) {
        List<BackendProvider> sorted = new ArrayList<>(providers);
        sorted.sort(Comparator.comparingInt(BackendProvider::rank));
        List<Rung> rungs = new ArrayList<>();
        for (BackendProvider p : sorted) {
            String excluded = exclusion(config, p);
            if (excluded != null) {
                rungs.add(new Rung(p.name(), p.rank(), p.device(), null, excluded));
                continue;
            }
            BackendProvider.Probe probe;
            try {
                probe = p.probe(config);
            } catch (RuntimeException | LinkageError e) {
                probe = BackendProvider.Probe.skipped(p.name(), "probe failed: " + e);
            }
            rungs.add(new Rung(probe.name(), p.rank(), p.device(), probe.backend(), probe.reason()));
        }
        if (rungs.stream().noneMatch(r -> r.ready() && r.name().equals(JdkBackend.NAME))) {
            rungs.add(new Rung(JdkBackend.NAME, 100, false, new JdkBackend(), null));
        }
        BackendLadder ladder = new BackendLadder(rungs);
        ladder.checkRequirements(config);
        LOG.info("kqat gzip level {}: compressing with {}, decompressing with {}; ladder {}", config.level(),
                ladder.chosenFor(config.level()).name(), ladder.chosenForDecompress().name(), rungs);
        return ladder;
    }

    private static String exclusion(CodecConfig config, BackendProvider p) {
        if (JdkBackend.NAME.equals(p.name())) {
            return null; // the last rung is always kept
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

    private void checkRequirements(CodecConfig config) {
        if (config.backend() != null) {
            Rung wanted = rungs.stream().filter(r -> r.name().equals(config.backend())).findFirst()
                    .orElseThrow(() -> new KqatException("unknown backend '" + config.backend() + "'; known: "
                            + rungs.stream().map(Rung::name).toList()));
            if (!wanted.ready()) {
                close();
                throw new KqatException("backend '" + config.backend() + "' is not available: " + wanted.skipReason());
            }
        }
        if (config.mode() == Mode.QAT && rungs.stream().noneMatch(r -> r.device() && r.ready())) {
            String why = rungs.stream().filter(Rung::device).map(r -> r.name() + ": " + r.skipReason()).toList().toString();
            close();
            throw new KqatException("mode qat requires a QAT device, none is usable " + why);
        }
    }

    public List<Rung> rungs() {
        return rungs;
    }

    /** The rung that serves requests while nothing fails: the first ready one. */
    public Rung chosen() {
        return rungs.stream().filter(Rung::ready).findFirst().orElseThrow();
    }

    /** The rung that serves compression at this level while nothing fails. */
    public Rung chosenFor(int level) {
        return rungs.stream().filter(r -> r.ready() && r.backend().supportsCompressLevel(level)).findFirst().orElseThrow();
    }

    /** The rung that serves decompression while nothing fails. */
    public Rung chosenForDecompress() {
        return rungs.stream().filter(r -> r.ready() && r.backend().supportsDecompress()).findFirst().orElseThrow();
    }

    /**
     * Runs one compression request on the best rung able to serve it, falling to the next rung on a backend failure.
     *
     * @param request performs the request on one backend; must leave its buffers untouched when it throws
     */
    public <T> T compress(int level, Function<Backend, T> request) {
        return run(r -> r.backend().supportsCompressLevel(level), request, true);
    }

    public <T> T decompress(Function<Backend, T> request) {
        return run(r -> r.backend().supportsDecompress(), request, false);
    }

    private <T> T run(java.util.function.Predicate<Rung> able, Function<Backend, T> request, boolean compress) {
        Rung previous = null;
        for (Rung rung : rungs) {
            if (!rung.ready() || !able.test(rung)) {
                continue;
            }
            if (previous != null) {
                previous.stats().fallbacks.increment();
            }
            previous = rung;
            boolean last = rung.name().equals(JdkBackend.NAME);
            if (!last && !rung.breaker().allowRequest()) {
                continue;
            }
            long start = System.nanoTime();
            try {
                T result = request.apply(rung.backend());
                rung.breaker().recordSuccess();
                (compress ? rung.stats().compressNanos : rung.stats().decompressNanos).add(System.nanoTime() - start);
                return result;
            } catch (BackendException e) {
                rung.stats().errors.increment();
                if (last) {
                    throw e;
                }
                if (rung.breaker().recordFailure()) {
                    LOG.warn("kqat: backend {} failed repeatedly, circuit open; requests go to the next rung until a trial succeeds: {}",
                            rung.name(), e.getMessage());
                } else {
                    LOG.debug("kqat: backend {} failed one request, redone on the next rung: {}", rung.name(), e.getMessage());
                }
            }
        }
        throw new KqatException("no backend could serve the request");
    }

    /** Stats of the rung a request ran on, for the facade to count bytes. */
    public BackendStats statsOf(Backend backend) {
        for (Rung r : rungs) {
            if (r.backend() == backend) {
                return r.stats();
            }
        }
        throw new IllegalArgumentException("not on this ladder: " + backend.name());
    }

    @Override
    public void close() {
        for (Rung r : rungs) {
            if (r.ready()) {
                try {
                    r.backend().close();
                } catch (RuntimeException e) {
                    LOG.warn("kqat: closing backend {} failed", r.name(), e);
                }
            }
        }
    }
}
