package io.kqat.samples;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Deterministic JSON documentation records (one API member per line: package, type, name, signature, prose drawn from
 * a fixed set of sentences, "since"), the highly compressible JSON of a documentation or schema topic: gzip -6 packs
 * it about 10 to 1 in 64 KiB members (5.9 in 16 KiB, 13.8 in 1 MiB), more than twice the GeoNames records' 4.4. The
 * same seed always gives the same bytes, so a benchmark's second dataset needs no download.
 */
public final class ApiDocRecords {
    private static final String[] PACKAGES = {"io.kqat.codec", "io.kqat.codec.spi", "io.kqat.codec.gzip",
        "org.apache.kafka.common.record", "org.apache.kafka.clients.consumer", "org.apache.kafka.clients.producer"};
    private static final String[] TYPES = {"GzipCodec", "Backend", "RecordBatch", "KafkaConsumer", "KafkaProducer",
        "MemoryRecords", "CompressionType", "BufferSupplier"};
    private static final String[] VERBS = {"get", "set", "read", "write", "close", "open", "compress", "decompress"};
    private static final String[] NOUNS = {"Buffer", "Batch", "Records", "Offset", "Level", "Stream", "Member", "Size"};
    private static final String[] PARAM_TYPES = {"int", "long", "ByteBuffer", "String", "boolean", "byte[]"};
    private static final String[] WORDS = {"the", "of", "a", "batch", "record", "buffer", "returns", "when", "is",
        "this", "and", "to", "in", "compressed", "bytes", "offset", "for", "each", "stream", "member", "called",
        "position", "limit", "thread", "safe", "not", "null", "if", "throws", "after", "before", "closed"};
    /** Documentation repeats its phrases: the prose is drawn from this many fixed sentences. */
    private static final String[] SENTENCES = sentences(100);

    private final SplittableRandom random;
    private long sequence;

    public ApiDocRecords(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The next record of this seed's stream as UTF-8 JSON, about 400 to 900 bytes. */
    public byte[] next() {
        sequence++;
        String verb = pick(VERBS);
        String noun = pick(NOUNS);
        StringBuilder sb = new StringBuilder(1024);
        sb.append("{\"id\":").append(sequence)
                .append(",\"package\":\"").append(pick(PACKAGES))
                .append("\",\"type\":\"").append(pick(TYPES))
                .append("\",\"kind\":\"method\",\"name\":\"").append(verb).append(noun)
                .append("\",\"modifiers\":[\"public\"").append(random.nextInt(4) == 0 ? ",\"static\"" : "")
                .append("],\"returns\":\"").append(pick(PARAM_TYPES))
                .append("\",\"parameters\":[");
        int params = random.nextInt(4);
        for (int p = 0; p < params; p++) {
            sb.append(p == 0 ? "" : ",").append("{\"name\":\"").append(pick(NOUNS).toLowerCase())
                    .append("\",\"type\":\"").append(pick(PARAM_TYPES)).append("\"}");
        }
        sb.append("],\"summary\":\"");
        sb.append(pick(SENTENCES));
        sb.append("\",\"description\":\"");
        for (int s = 1 + random.nextInt(4); s > 0; s--) {
            sb.append(pick(SENTENCES)).append(' ');
        }
        sb.append("\",\"since\":\"").append(1 + random.nextInt(4)).append('.').append(random.nextInt(10))
                .append("\",\"deprecated\":").append(random.nextInt(20) == 0).append('}');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Newline-separated records filling exactly {@code size} bytes (the last record is cut to fit). */
    public byte[] fill(int size) {
        byte[] out = new byte[size];
        int pos = 0;
        while (pos < size) {
            byte[] r = next();
            int n = Math.min(r.length, size - pos);
            System.arraycopy(r, 0, out, pos, n);
            pos += n;
            if (pos < size) {
                out[pos++] = '\n';
            }
        }
        return out;
    }

    private static String[] sentences(int n) {
        SplittableRandom r = new SplittableRandom(22);
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            for (int w = 8 + r.nextInt(14); w > 0; w--) {
                String word = WORDS[r.nextInt(WORDS.length)];
                sb.append(sb.length() == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : " " + word);
            }
            out[i] = sb.append('.').toString();
        }
        return out;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
