package io.kqat.codec.backend.qat.memory;

import io.kqat.codec.backend.qat.nativeapi.QatLibraries;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-copy region of the process: made and mapped by the first copy of kqat (in any class loader) that needs it,
 * used by every later copy through its own arena over the same slot bitmap, and unmapped and freed by the last one to
 * leave. One region, one set of mappings, whatever the class loaders. A later copy takes the region as it is (its size
 * and mapping were chosen by the first).
 */
public final class SharedRegion {
    private static final Logger LOG = LoggerFactory.getLogger(SharedRegion.class);

    private SharedRegion() {
    }

    /**
     * This copy's staging over the process's region.
     *
     * @param monitor    guards {@code record}: the same object in every class loader
     * @param record     the process-wide record of the region, in JDK types only; empty until the first user
     * @param deviceIdle true when no request given up on may still be written by the device (asked as the last user
     *                   leaves: only then may the region be unmapped)
     * @throws Region.RegionException when the region cannot be made
     */
    public static RegionStaging open(QatLibraries.Iova iova, MemoryNodes nodes, long bytes, long mappingBytes,
                                     Object monitor, Map<String, Object> record, BooleanSupplier deviceIdle) {
        synchronized (monitor) {
            int[] users = (int[]) record.computeIfAbsent("users", k -> new int[1]);
            Region region;
            SlotMap map;
            if (users[0] == 0) {
                region = Region.allocateAndMap(iova, bytes, nodes.nodes(), mappingBytes);
                map = new SlotMap((int) Math.min(Integer.MAX_VALUE, region.size() / SlotArena.SLOT_SIZE));
                record.put("region", region.export());
                record.put("layout", region.layout().export());
                record.put("slots", map.state());
                LOG.info("kqat: QAT region mapped: {}", region);
            } else {
                region = Region.adopt(iova, (long[]) record.get("region"),
                        RegionLayout.adopt((long[]) record.get("layout")));
                map = new SlotMap((long[]) record.get("slots"), (int) (region.size() / SlotArena.SLOT_SIZE));
                LOG.info("kqat: QAT region shared (already mapped in this process): {}", region);
            }
            users[0]++;
            SlotArena arena = new SlotArena(region, map);
            return new RegionStaging(region, arena, nodes, () -> leave(monitor, record, deviceIdle, region, arena));
        }
    }

    /** This copy lends no more; the last copy unmaps (unless a request given up on may still be written) and frees. */
    private static void leave(Object monitor, Map<String, Object> record, BooleanSupplier deviceIdle, Region region,
                              SlotArena arena) {
        synchronized (monitor) {
            int[] users = (int[]) record.get("users");
            arena.closeLocally();
            if (--users[0] == 0) {
                boolean idle = arena.closeAndIsIdle();
                boolean deviceDone = deviceIdle.getAsBoolean();
                region.close(deviceDone, idle && deviceDone);
                record.clear();
            }
        }
    }
}
