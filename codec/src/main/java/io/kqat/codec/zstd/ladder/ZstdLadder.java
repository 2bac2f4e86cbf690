package io.kqat.codec.zstd.ladder;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.CorruptZstdException;
import io.kqat.codec.StatsSnapshot;
import io.kqat.codec.ZstdCodec;
import io.kqat.codec.ladder.CircuitBreaker;
import io.kqat.codec.spi.BackendException;
import io.kqat.codec.spi.BatchMemory;
import io.kqat.codec.spi.CopyCounter;
import io.kqat.codec.zstd.spi.ZstdBackend;
import io.kqat.codec.zstd.spi.ZstdBackendProvider;
import io.kqat.codec.zstd.spi.ZstdDecodeStream;
import java.util.List;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zstd fallback ladder, decided once at start ({@link ZstdLadderBuilder}). A request goes to the first rung of its
 * {@link ZstdRouting route} whose breaker allows it; when that rung cannot serve it, the same request goes to the next.
 * When none can, {@link #compress} says so and the caller writes stored blocks (compression) or keeps its own zstd
 * (a batch to decode). The one place the zstd rungs' counters are recorded.
 */
public final class ZstdLadder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ZstdLadder.class);

    private final List<ZstdRung> rungs;
    private final ZstdRouting routing;

    ZstdLadder(List<ZstdRung> rungs, ZstdRouting routing) {
        this.rungs = List.copyOf(rungs);
        this.routing = routing;
    }

    /** Probes the providers {@link java.util.ServiceLoader} finds and builds the ladder the config allows. */
    public static ZstdLadder build(CodecConfig config) {
        return ZstdLadderBuilder.build(config, ZstdLadderBuilder.discover());
    }

    /**
     * The ladder the agent's hook serves from until the first zstd batch: the software rungs, the device rungs left
     * for later with that reason (the whole ladder is built then, with {@link #build(CodecConfig)}).
     */
    public static ZstdLadder buildUntilFirstBatch(CodecConfig config) {
        return ZstdLadderBuilder.build(config, ZstdLadderBuilder.discover(), true);
    }

    /** The ladder over these providers. */
    public static ZstdLadder build(CodecConfig config, List<ZstdBackendProvider> providers) {
        return ZstdLadderBuilder.build(config, providers);
    }

    public List<ZstdRung> rungs() {
        return rungs;
    }

    /**
     * Batch memory of the first ready rung that lends it (QAT's mapped region, so the device reads a batch where Kafka
     * wrote it), or null when none does.
     */
    public BatchMemory deviceBatchMemory() {
        for (ZstdRung r : rungs) {
            if (r.ready() && r.backend() instanceof BatchMemory) {
                return (BatchMemory) r.backend();
            }
        }
        return null;
    }

    /** The rung that compresses at {@code level} while nothing fails, or null when none does. */
    public ZstdRung chosenFor(int level) {
        List<ZstdRung> route = routing.compress(level);
        return route.isEmpty() ? null : route.get(0);
    }

    /** The rung that decodes while nothing fails, or null when none does. */
    public ZstdRung chosenForDecode() {
        return routing.decode().isEmpty() ? null : routing.decode().get(0);
    }

    public boolean compresses(ZstdRung rung, int level) {
        return routing.compress(level).contains(rung);
    }

    public boolean decodes(ZstdRung rung) {
        return routing.decode().contains(rung);
    }

    public String routes() {
        return routing.toString();
    }

    public StatsSnapshot totals() {
        StatsSnapshot total = StatsSnapshot.ZERO;
        for (ZstdRung r : rungs) {
            total = total.plus(r.snapshot());
        }
        return total;
    }

    /** Where the copies made for the decoding rung are counted (none when no rung decodes). */
    public CopyCounter decodeCopies() {
        ZstdRung r = chosenForDecode();
        return r == null ? CopyCounter.NONE : r.stats().copies(false);
    }

    /** One request on one backend; it must leave the caller's buffers as they were when it throws. */
    public interface Request<T> {
        T run(ZstdBackend backend, CopyCounter copies);
    }

    /**
     * Runs one compression on the best rung able to serve it, falling to the next when a rung cannot.
     *
     * @throws BackendException (declined) when no rung could: the caller's own last resort takes the request
     */
    public <T> T compress(int level, long inputBytes, Request<T> request, ToLongFunction<T> outputBytes) {
        level = ZstdCodec.kafkaLevel(level);
        ZstdRung previous = null;
        for (ZstdRung rung : routing.compress(level)) {
            if (previous != null) {
                previous.stats().add(StatsSnapshot.Field.FALLBACKS, 1);
            }
            previous = rung;
            CircuitBreaker breaker = rung.breaker(true);
            if (!breaker.allowRequest()) {
                continue;
            }
            long start = System.nanoTime();
            try {
                T result = request.run(rung.backend(), rung.stats().copies(true));
                breaker.recordSuccess();
                rung.stats().recordSuccess(true, inputBytes, outputBytes.applyAsLong(result), System.nanoTime() - start);
                return result;
            } catch (BackendException e) {
                if (e.deviceFault()) {
                    fault(rung, breaker, e.getMessage());
                } else {
                    LOG.debug("kqat: zstd {} declined a request, the next rung takes it: {}", rung.name(), e.getMessage());
                }
            } catch (RuntimeException | Error e) {
                // A bug or a JNA error in a rung must not lose the batch: it is that rung's fault.
                LOG.warn("kqat: zstd backend {} threw {}; the request is redone on the next rung", rung.name(), e.toString(), e);
                fault(rung, breaker, e.toString());
            }
        }
        if (previous != null) {
            previous.stats().add(StatsSnapshot.Field.FALLBACKS, 1);
        }
        throw BackendException.declined("no zstd rung compressed the request at level " + level);
    }

    /**
     * The decoder of the best rung that decodes and whose breaker allows it, counted on that rung.
     *
     * @throws BackendException (declined) when none can: the caller keeps its own decoder for the batch
     */
    public ZstdDecodeStream openDecodeStream() {
        for (ZstdRung rung : routing.decode()) {
            CircuitBreaker breaker = rung.breaker(false);
            if (!breaker.allowRequest()) {
                rung.stats().add(StatsSnapshot.Field.FALLBACKS, 1);
                continue;
            }
            try {
                ZstdDecodeStream s = rung.backend().newDecodeStream();
                breaker.recordSuccess();
                return new CountedDecodeStream(s, rung.stats(), breaker);
            } catch (CorruptZstdException e) {
                throw e;
            } catch (RuntimeException | Error e) {
                fault(rung, breaker, e.toString());
                rung.stats().add(StatsSnapshot.Field.FALLBACKS, 1);
            }
        }
        throw BackendException.declined("no zstd rung decodes");
    }

    private static void fault(ZstdRung rung, CircuitBreaker breaker, String why) {
        rung.stats().add(StatsSnapshot.Field.ERRORS, 1);
        if (breaker.recordFailure()) {
            LOG.warn("kqat: zstd backend {} failed repeatedly, circuit open; requests go to the next rung until a trial "
                    + "succeeds: {}", rung.name(), why);
        } else {
            LOG.debug("kqat: zstd backend {} failed one request, redone on the next rung: {}", rung.name(), why);
        }
    }

    @Override
    public void close() {
        for (ZstdRung r : rungs) {
            if (r.ready()) {
                try {
                    r.backend().close();
                } catch (RuntimeException e) {
                    LOG.warn("kqat: closing zstd backend {} failed", r.name(), e);
                }
            }
        }
    }

    @Override
    public String toString() {
        return rungs.toString();
    }
}
