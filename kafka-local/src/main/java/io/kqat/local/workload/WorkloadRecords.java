package io.kqat.local.workload;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The records of a workload: record {@code i} of seed {@code s} is always the same bytes, so a consumer in another
 * JVM (without kqat on its classpath) can check every record it reads without the producer's help. Values are JSON
 * order events with the key and value repetition that gives real topics their gzip ratio.
 */
public final class WorkloadRecords {
    private static final String[] STATUS = {"created", "paid", "packed", "shipped", "delivered", "cancelled"};
    private static final String[] WAREHOUSES = {"fra-1", "ams-2", "iad-1", "nrt-3", "gru-1"};
    private static final String[] CARRIERS = {"dhl-express", "ups-ground", "fedex-2day", "postnl-standard"};

    private WorkloadRecords() {
    }

    public static byte[] key(long i) {
        return ("order-" + (i % 10_000)).getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] value(long seed, long i) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        StringBuilder sb = new StringBuilder(400);
        sb.append("{\"seq\":").append(i)
                .append(",\"order_id\":\"ord-").append(Long.toString(r.nextLong() & Long.MAX_VALUE, 36))
                .append("\",\"status\":\"").append(STATUS[r.nextInt(STATUS.length)])
                .append("\",\"customer\":{\"id\":").append(r.nextInt(200_000))
                .append(",\"tier\":\"").append(r.nextInt(8) == 0 ? "gold" : "standard")
                .append("\"},\"warehouse\":\"").append(WAREHOUSES[r.nextInt(WAREHOUSES.length)])
                .append("\",\"carrier\":\"").append(CARRIERS[r.nextInt(CARRIERS.length)])
                .append("\",\"lines\":[");
        int lines = 1 + r.nextInt(4);
        for (int l = 0; l < lines; l++) {
            sb.append(l == 0 ? "" : ",").append("{\"sku\":\"sku-").append(1000 + r.nextInt(500))
                    .append("\",\"quantity\":").append(1 + r.nextInt(5))
                    .append(",\"unit_price\":").append(r.nextInt(50_000) / 100.0).append('}');
        }
        sb.append("],\"currency\":\"EUR\",\"channel\":\"").append(r.nextBoolean() ? "web" : "mobile-app").append("\"}");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
