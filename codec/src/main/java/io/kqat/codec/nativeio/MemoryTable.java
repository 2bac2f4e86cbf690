package io.kqat.codec.nativeio;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.AttributeNotFoundException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;

/**
 * The MBean {@code io.kqat:type=NativeMemory}: {@code Limit}, {@code Used}, {@code Peak}, {@code Refusals} and
 * {@code Waits} of the process's native memory bound for operators, and the shared state itself ({@link SharedTable}).
 */
final class MemoryTable extends SharedTable {
    private static final String[] FIGURES = {"Limit", "Used", "Peak", "Refusals", "Waits"};

    MemoryTable(ConcurrentMap<String, Map<String, Object>> table) {
        super(table);
    }

    @Override
    protected Object figure(String attribute) throws AttributeNotFoundException {
        for (String f : FIGURES) {
            if (f.equals(attribute)) {
                Map<String, Object> state = table.get(ProcessMemory.LAYOUT);
                Object v = state == null ? null : state.get(f.toLowerCase(Locale.ROOT));
                return v instanceof AtomicLong ? ((AtomicLong) v).get() : 0L;
            }
        }
        throw new AttributeNotFoundException(attribute);
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        MBeanAttributeInfo[] infos = new MBeanAttributeInfo[FIGURES.length + 1];
        String[] docs = {"the bound, bytes", "bytes reserved now (in use and idle buffers)", "the most reserved at once",
            "reservations refused (served smaller, on the heap, or by the next rung)", "reservations that waited"};
        for (int i = 0; i < FIGURES.length; i++) {
            infos[i] = new MBeanAttributeInfo(FIGURES[i], "long", docs[i], true, false, false);
        }
        infos[FIGURES.length] = tableInfo();
        return new MBeanInfo(MemoryTable.class.getName(), "kqat's native memory bound (shared by class loaders)", infos,
                null, new MBeanOperationInfo[0], null);
    }
}
