package io.kqat.local;

import io.kqat.codec.metrics.KqatObjectNames;
import io.kqat.local.cpu.ThreadCpu;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A broker JVM's platform MBean server over JMX on a loopback port (no authentication): Kafka's metrics, kqat's beans,
 * and beans created in the broker from classes on its class path. One connection is kept for the calls that follow;
 * a call that fails drops it, so the next one connects anew (to a broker started again on the same port, say).
 */
public final class BrokerJmx implements AutoCloseable {
    private final int port;
    private JMXConnector connector;

    public BrokerJmx(int port) {
        this.port = port;
    }

    /** The JVM flags that open JMX on {@code port}, loopback only. */
    static List<String> jvmArgs(int port) {
        return List.of(
                "-Dcom.sun.management.jmxremote.port=" + port,
                "-Dcom.sun.management.jmxremote.rmi.port=" + port,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dcom.sun.management.jmxremote.authenticate=false",
                "-Dcom.sun.management.jmxremote.ssl=false");
    }

    public int port() {
        return port;
    }

    /** One attribute of one MBean. */
    public Object attribute(String objectName, String attribute) {
        return call(server -> server.getAttribute(new ObjectName(objectName), attribute),
                "cannot read " + objectName + " " + attribute);
    }

    /** A Kafka Yammer gauge's {@code Value} (a number), or {@code absent} when the broker has no such metric. */
    public long gauge(String objectName, long absent) {
        return call(server -> {
            ObjectName name = new ObjectName(objectName);
            return server.isRegistered(name) ? ((Number) server.getAttribute(name, "Value")).longValue() : absent;
        }, "cannot read " + objectName);
    }

    /** One of the kqat agent's counters ({@code compressBatches}, {@code decompressBatches}, {@code errors}, ...). */
    public long kqatCounter(String counter) {
        return (Long) ((CompositeData) attribute(KqatObjectNames.CODEC, "Totals")).get(counter);
    }

    /** The broker's CPU by thread group ({@link ThreadCpu}: request handlers, kqat's threads, ...). */
    public Map<String, Long> threadCpu() {
        return call(server -> ThreadCpu.byGroup(ManagementFactory.newPlatformMXBeanProxy(server,
                ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class)), "cannot read the threads");
    }

    /** Registers a {@code className} bean built with its one-String constructor, unless one is registered already. */
    public void createMBean(String className, String objectName, String argument) {
        call(server -> {
            try {
                server.createMBean(className, new ObjectName(objectName), new Object[] {argument},
                        new String[] {String.class.getName()});
            } catch (InstanceAlreadyExistsException already) {
                // created by an earlier call in this broker's life
            }
            return null;
        }, "cannot create " + objectName);
    }

    /** Invokes an operation with one {@code int} argument. */
    public Object invoke(String objectName, String operation, int argument) {
        return call(server -> server.invoke(new ObjectName(objectName), operation, new Object[] {argument},
                new String[] {int.class.getName()}), "cannot invoke " + objectName + " " + operation);
    }

    private synchronized <T> T call(Call<T> call, String failure) {
        try {
            if (connector == null) {
                connector = JMXConnectorFactory.connect(new JMXServiceURL(
                        "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi"));
            }
            return call.on(connector.getMBeanServerConnection());
        } catch (IOException e) {
            close();
            throw new IllegalStateException(failure + " from the broker (JMX port " + port + ")", e);
        } catch (JMException e) {
            throw new IllegalStateException(failure + " from the broker (JMX port " + port + ")", e);
        }
    }

    @Override
    public synchronized void close() {
        if (connector != null) {
            try {
                connector.close();
            } catch (IOException gone) {
                // the broker went away: nothing to close
            }
            connector = null;
        }
    }

    private interface Call<T> {
        T on(MBeanServerConnection server) throws IOException, JMException;
    }
}
