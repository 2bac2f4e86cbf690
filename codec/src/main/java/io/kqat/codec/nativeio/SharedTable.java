package io.kqat.codec.nativeio;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * A table of process-wide state that every copy of kqat in the JVM shares, whatever class loader loaded it, published
 * once in the platform MBean server: the one registry every class loader reaches without sharing a class. Its
 * attribute {@value #TABLE} is the table itself (read in process, never serialised), held in JDK types only; the
 * other attributes are read-only figures for people with a JMX console. What every build must keep as it is: the
 * object names and the attribute {@value #TABLE}.
 */
public abstract class SharedTable implements DynamicMBean {
    public static final String TABLE = "Table";
    protected final ConcurrentMap<String, Map<String, Object>> table;

    protected SharedTable(ConcurrentMap<String, Map<String, Object>> table) {
        this.table = table;
    }

    /**
     * The table published under {@code objectName}, publishing a new empty one through {@code publisher} when there is
     * none yet (another class loader may publish it first: then theirs is read).
     *
     * @throws JMException when the platform MBean server cannot be used
     */
    @SuppressWarnings("unchecked")
    public static ConcurrentMap<String, Map<String, Object>> lookUpOrPublish(String objectName,
            Function<ConcurrentMap<String, Map<String, Object>>, SharedTable> publisher) throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName(objectName);
        while (true) {
            try {
                return (ConcurrentMap<String, Map<String, Object>>) server.getAttribute(name, TABLE);
            } catch (InstanceNotFoundException absent) {
                try {
                    server.registerMBean(publisher.apply(new ConcurrentHashMap<>()), name);
                } catch (InstanceAlreadyExistsException raced) {
                    // another class loader published it meanwhile: read theirs
                }
            }
        }
    }

    /** A figure other than {@value #TABLE}. @throws AttributeNotFoundException when it has none of that name */
    protected abstract Object figure(String attribute) throws AttributeNotFoundException;

    /** The description of the table's attribute, for the MBean's info. */
    protected static MBeanAttributeInfo tableInfo() {
        return new MBeanAttributeInfo(TABLE, Map.class.getName(), "the shared state (in process only)", true, false,
                false);
    }

    @Override
    public final Object getAttribute(String attribute) throws AttributeNotFoundException {
        return TABLE.equals(attribute) ? table : figure(attribute);
    }

    @Override
    public final void setAttribute(Attribute attribute) throws AttributeNotFoundException {
        throw new AttributeNotFoundException(attribute.getName() + " is read-only");
    }

    @Override
    public final AttributeList getAttributes(String[] attributes) {
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
    public final AttributeList setAttributes(AttributeList attributes) {
        return new AttributeList(); // nothing is writable
    }

    @Override
    public final Object invoke(String actionName, Object[] params, String[] signature) {
        throw new UnsupportedOperationException(actionName);
    }
}
