package io.kqat.codec.nativeio;

import java.util.Map;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;

/**
 * The MBean {@code io.kqat:type=NativeMemory}: {@code Limit}, {@code Used}, {@code Peak}, {@code Refusals} and
 * {@code Waits} of the process's native memory bound for operators, and {@code Table}, the shared state itself (read in
 * process by every copy of kqat, never serialised).
 */
final class MemoryTable implements DynamicMBean {
    static final String TABLE = "Table";
    private static final String[] FIGURES = {"Limit", "Used", "Peak", "Refusals", "Waits"};
    private final ConcurrentMap<String, Map<String, Object>> table;

    MemoryTable(ConcurrentMap<String, Map<String, Object>> table) {
        this.table = table;
    }

    @Override
    public Object getAttribute(String attribute) throws AttributeNotFoundException {
        if (TABLE.equals(attribute)) {
            return table;
        }
        for (String f : FIGURES) {
            if (f.equals(attribute)) {
                Map<String, Object> state = table.get(ProcessMemory.LAYOUT);
                Object v = state == null ? null : state.get(f.toLowerCase(java.util.Locale.ROOT));
                return v instanceof AtomicLong ? ((AtomicLong) v).get() : 0L;
            }
        }
        throw new AttributeNotFoundException(attribute);
    }

    @Override
    public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
        throw new AttributeNotFoundException(attribute.getName() + " is read-only");
    }

    @Override
    public AttributeList getAttributes(String[] attributes) {
        AttributeList list = new AttributeList();
        for (String a : attributes) {
            try {
                list.add(new Attribute(a, getAttribute(a)));
            } catch (AttributeNotFoundException e) {
                // left out, as the contract allows
            }
        }
        return list;
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
        return new AttributeList();
    }

    @Override
    public Object invoke(String actionName, Object[] params, String[] signature) {
        throw new UnsupportedOperationException(actionName);
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        MBeanAttributeInfo[] infos = new MBeanAttributeInfo[FIGURES.length + 1];
        String[] docs = {"the bound, bytes", "bytes reserved now (in use and idle buffers)", "the most reserved at once",
            "reservations refused (served smaller, on the heap, or by the next rung)", "reservations that waited"};
        for (int i = 0; i < FIGURES.length; i++) {
            infos[i] = new MBeanAttributeInfo(FIGURES[i], "long", docs[i], true, false, false);
        }
        infos[FIGURES.length] = new MBeanAttributeInfo(TABLE, Map.class.getName(), "the shared state (in process only)",
                true, false, false);
        return new MBeanInfo(MemoryTable.class.getName(), "kqat's native memory bound (shared by class loaders)", infos,
                null, new MBeanOperationInfo[0], null);
    }
}
