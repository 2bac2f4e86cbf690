package io.kqat.codec.backend.qat.runtime;

import io.kqat.codec.nativeio.SharedTable;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;
import javax.management.AttributeNotFoundException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;

/**
 * The MBean that publishes {@link ProcessRuntime}'s table ({@link SharedTable}), with {@code Libraries}, a readable
 * list of the runtimes and their users for people with a JMX console.
 */
final class RuntimeTable extends SharedTable {
    private static final String LIBRARIES = "Libraries";

    RuntimeTable(ConcurrentMap<String, Map<String, Object>> table) {
        super(table);
    }

    @Override
    protected Object figure(String attribute) throws AttributeNotFoundException {
        if (!LIBRARIES.equals(attribute)) {
            throw new AttributeNotFoundException(attribute);
        }
        StringBuilder sb = new StringBuilder();
        table.forEach((key, state) -> {
            Object users = state.get("users");
            sb.append(key).append(": ").append(users instanceof int[] ? ((int[]) users)[0] : 0).append(" user(s)\n");
        });
        return sb.toString();
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        return new MBeanInfo(RuntimeTable.class.getName(), "kqat's process-wide QAT runtime (shared by class loaders)",
                new MBeanAttributeInfo[] {
                    tableInfo(),
                    new MBeanAttributeInfo(LIBRARIES, String.class.getName(), "qatlib runtimes and their users", true,
                            false, false)},
                null, new MBeanOperationInfo[0], null);
    }
}
