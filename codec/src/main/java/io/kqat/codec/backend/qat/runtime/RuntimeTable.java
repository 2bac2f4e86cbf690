package io.kqat.codec.backend.qat.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentMap;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;

/**
 * The MBean that publishes {@link ProcessRuntime}'s table: attribute {@code Table} is the table itself (read in
 * process, never serialised), {@code Libraries} a readable list of the runtimes for people with a JMX console.
 */
final class RuntimeTable implements DynamicMBean {
    static final String ATTRIBUTE = "Table";
    private static final String LIBRARIES = "Libraries";
    private final ConcurrentMap<String, Map<String, Object>> table;

    RuntimeTable(ConcurrentMap<String, Map<String, Object>> table) {
        this.table = table;
    }

    @Override
    public Object getAttribute(String attribute) throws AttributeNotFoundException {
        if (ATTRIBUTE.equals(attribute)) {
            return table;
        }
        if (LIBRARIES.equals(attribute)) {
            StringBuilder sb = new StringBuilder();
            table.forEach((key, state) -> {
                Object users = state.get("users");
                sb.append(key).append(": ").append(users instanceof int[] ? ((int[]) users)[0] : 0).append(" user(s)\n");
            });
            return sb.toString();
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
        return new AttributeList(); // nothing is writable
    }

    @Override
    public Object invoke(String actionName, Object[] params, String[] signature) {
        throw new UnsupportedOperationException(actionName);
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        return new MBeanInfo(RuntimeTable.class.getName(), "kqat's process-wide QAT runtime (shared by class loaders)",
                new MBeanAttributeInfo[] {
                    new MBeanAttributeInfo(ATTRIBUTE, Map.class.getName(), "the shared state (in process only)", true,
                            false, false),
                    new MBeanAttributeInfo(LIBRARIES, String.class.getName(), "qatlib runtimes and their users", true,
                            false, false)},
                null, new MBeanOperationInfo[0], null);
    }
}
