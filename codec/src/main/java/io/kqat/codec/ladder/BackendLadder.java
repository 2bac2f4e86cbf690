package io.kqat.codec.ladder;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.CorruptGzipException;
import io.kqat.codec.KqatException;
import io.kqat.codec.OutputLimitExceededException;
import io.kqat.codec.StatsSnapshot;
import io.kqat.codec.spi.Backend;
import io.kqat.codec.spi.BackendException;
import io.kqat.codec.spi.BackendProvider;
import io.kqat.codec.spi.BatchMemory;
import io.kqat.codec.spi.CopyCounter;
import io.kqat.codec.spi.InflateStream;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fallback ladder, decided once at start ({@link LadderBuilder}). At run time a request goes to the first rung of
 * its {@link Routing route} whose breaker allows it; when that rung cannot serve it the same request goes to the next
 * rung of the route, so no request is ever lost. Every route ends with the last resort. This is the one place every
 * counter is recorded.
 */
public final class BackendLadder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackendLadder.class);

    private final List<Rung> rungs;
    private final Routing routing;

    BackendLadder(List<Rung> rungs, Routing routing) {
        this.rungs = List.copyOf(rungs);
        this.routing = routing;
    }

    /** Probes the providers {@link java.util.ServiceLoader} finds and builds the ladder the config allows. */
    public static BackendLadder build(CodecConfig config) {
        return LadderBuilder.build(config, LadderBuilder.discover());
    }

    /** The ladder over these providers. */
    public static BackendLadder build(CodecConfig config, List<BackendProvider> providers) {
        return LadderBuilder.build(config, providers);
    }

    public List<Rung> rungs() {
        return rungs;
    }

    /** Batch memory a ready rung lends (QAT zero-copy's region), or null. */
    public BatchMemory deviceBatchMemory() {
        for (Rung r : rungs) {
            if (r.ready() && r.backend() instanceof BatchMemory) {
                return (BatchMemory) r.backend();
            }
        }
        return null;
    }

    /** The counters summed over every rung. */
    public StatsSnapshot totals() {
        StatsSnapshot total = StatsSnapshot.ZERO;
        for (Rung r : rungs) {
            total = total.plus(r.snapshot());
        }
        return total;
    }

    /** The rung that serves compression at this level while nothing fails. */
    public Rung chosenFor(int level) {
        return routing.compress(level).get(0);
    }

    /** The rung that serves decompression while nothing fails. */
    public Rung chosenForDecompress() {
        return routing.decompress().get(0);
    }

    /** Whether this rung is on the route of compression at this level. */
    public boolean compresses(Rung rung, int level) {
        return routing.compress(level).contains(rung);
    }

    /** Whether this rung is on the decompression route. */
    public boolean decompresses(Rung rung) {
        return routing.decompress().contains(rung);
    }

    /** The routes, e.g. {@code level 1-2: qat > isal > libdeflate > jdk; ...; decompress: qat > isal > jdk}. */
    public String routes() {
        return routing.toString();
    }

    /** One request on one backend; it must leave the caller's buffers as they were when it throws. */
    public interface Request<T> {
        T run(Backend backend, CopyCounter copies);
    }

    /**
     * Runs one compression request on the best rung able to serve it, falling to the next rung when a rung cannot.
     *
     * @param outputBytes how many bytes a result holds, for the counters
     */
    public <T> T compress(int level, long inputBytes, Request<T> request, ToLongFunction<T> outputBytes) {
        return run(true, routing.compress(level), r -> true, request, t -> inputBytes, outputBytes);
    }

    public <T> T decompress(long inputBytes, Request<T> request, ToLongFunction<T> outputBytes) {
        return run(false, routing.decompress(), r -> true, request, t -> inputBytes, outputBytes);
    }

    /**
     * Inflates one whole raw deflate stream on the best rung that serves it, counting what the result says was
     * consumed and produced.
     *
     * @param softwareOnly leave device rungs out (input that may be cut short is not a device fault)
     */
    public Backend.Inflated inflateWhole(boolean softwareOnly, Request<Backend.Inflated> request) {
        Predicate<Rung> eligible = softwareOnly ? r -> !r.device() : r -> true;
        return run(false, routing.decompress(), eligible, request, Backend.Inflated::consumed, Backend.Inflated::produced);
    }

    /** Where copies made for the rung that decompresses while nothing fails are counted. */
    public CopyCounter decompressCopies() {
        return chosenForDecompress().stats().copies(false);
    }

    /**
     * A piece-by-piece inflater over the decompression route: each member on the best rung that inflates piece by
     * piece, a rung that fails mid-member charged and its member redone on the next ({@link LadderInflateStream}).
     */
    public InflateStream openInflateStream() {
        return new LadderInflateStream(routing.decompress());
    }

    private <T> T run(boolean compress, List<Rung> route, Predicate<Rung> eligible, Request<T> request,
                      ToLongFunction<T> inputBytes, ToLongFunction<T> outputBytes) {
        Rung last = route.get(route.size() - 1);
        Rung previous = null;
        for (Rung rung : route) {
            if (!eligible.test(rung)) {
                continue;
            }
            if (previous != null) {
                previous.stats().add(StatsSnapshot.Field.FALLBACKS, 1);
            }
            previous = rung;
            CircuitBreaker breaker = rung.breaker(compress);
            if (rung != last && !breaker.allowRequest()) {
                continue;
            }
            long start = System.nanoTime();
            try {
                T result = request.run(rung.backend(), rung.stats().copies(compress));
                breaker.recordSuccess();
                if (!(result instanceof Backend.Inflated) || ((Backend.Inflated) result).complete()) {
                    rung.stats().recordSuccess(compress, inputBytes.applyAsLong(result), outputBytes.applyAsLong(result),
                            System.nanoTime() - start);
                }
                return result;
            } catch (CorruptGzipException | OutputLimitExceededException e) {
                throw e; // the input's fault: no rung would do better
            } catch (BackendException e) {
                if (rung == last) {
                    throw e;
                }
                if (e.deviceFault()) {
                    fault(rung, breaker, e.getMessage());
                } else {
                    LOG.debug("kqat: {} declined a request, the next rung takes it: {}", rung.name(), e.getMessage());
                }
            } catch (RuntimeException | Error e) {
                // A bug or a JNA error in a rung must not lose the request: it is that rung's fault.
                if (rung == last) {
                    throw e;
                }
                LOG.warn("kqat: backend {} threw {}; the request is redone on the next rung", rung.name(), e.toString(), e);
                failed(rung, breaker, e);
            }
        }
        if (previous == null) {
            throw new IllegalStateException("no rung is eligible for this request");
        }
        throw new KqatException("no backend could serve the request");
    }

    /**
     * A rung threw something other than a {@link BackendException}: counted as its error; its breaker hears of it
     * unless the JVM ran out of memory, which says nothing about the rung (it threw only because the allocation
     * happened to be there) and must not take a working rung out of service.
     */
    static void failed(Rung rung, CircuitBreaker breaker, Throwable e) {
        if (e instanceof OutOfMemoryError) {
            rung.stats().add(StatsSnapshot.Field.ERRORS, 1);
            return;
        }
        fault(rung, breaker, e.toString());
    }

    static void fault(Rung rung, CircuitBreaker breaker, String why) {
        rung.stats().add(StatsSnapshot.Field.ERRORS, 1);
        if (breaker.recordFailure()) {
            LOG.warn("kqat: backend {} failed repeatedly, circuit open; requests go to the next rung until a trial "
                    + "succeeds: {}", rung.name(), why);
        } else {
            LOG.debug("kqat: backend {} failed one request, redone on the next rung: {}", rung.name(), why);
        }
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

    /** Names of the rungs with their state, for log lines: {@code [qat (skipped: ...), isal, libdeflate, jdk]}. */
    @Override
    public String toString() {
        return rungs.toString();
    }
}
