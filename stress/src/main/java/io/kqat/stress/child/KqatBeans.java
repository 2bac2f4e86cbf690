package io.kqat.stress.child;

import io.kqat.codec.metrics.KqatObjectNames;
import java.lang.management.ManagementFactory;
import java.util.Properties;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * kqat's MBeans in this JVM, read by name (the inlined constants of {@code KqatObjectNames}: no kqat class is
 * needed, so a JVM without the agent reads "not installed"):
 * the totals, each rung's counters and circuit state, and the QAT rung's detail figures.
 */
final class KqatBeans {
    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    private KqatBeans() {
    }

    static boolean installed() {
        try {
            return SERVER.isRegistered(new ObjectName(KqatObjectNames.CODEC));
        } catch (Exception e) {
            return false;
        }
    }

    /** Number of rungs whose circuit is open now. */
    static int openCircuits() {
        int open = 0;
        for (ObjectName n : rungs()) {
            try {
                if (Boolean.TRUE.equals(SERVER.getAttribute(n, "CircuitOpen"))) {
                    open++;
                }
            } catch (Exception e) {
                // a rung that went away: not open
            }
        }
        return open;
    }

    /** The Detail line of one rung ({@code zero-copy, ..., slots in use 3/1024, ...}), or "". */
    static String detail(String rung) {
        try {
            return String.valueOf(SERVER.getAttribute(new ObjectName(KqatObjectNames.BACKEND_PREFIX + ObjectName.quote(rung)), "Detail"));
        } catch (Exception e) {
            return "";
        }
    }

    /** Totals, per-rung counters and the ladder, as {@code kqat.*} entries. */
    static void putAll(Properties p) {
        p.setProperty("kqat.installed", Boolean.toString(installed()));
        if (!installed()) {
            return;
        }
        try {
            ObjectName codec = new ObjectName(KqatObjectNames.CODEC);
            putComposite(p, "kqat.total.", (CompositeData) SERVER.getAttribute(codec, "Totals"));
            p.setProperty("kqat.Backend", String.valueOf(SERVER.getAttribute(codec, "Backend")));
            p.setProperty("kqat.StockFallbacks", String.valueOf(SERVER.getAttribute(codec, "StockFallbacks")));
            for (ObjectName n : rungs()) {
                String rung = ObjectName.unquote(n.getKeyProperty(KqatObjectNames.BACKEND_KEY));
                if (Boolean.TRUE.equals(SERVER.getAttribute(n, "Ready"))) {
                    putComposite(p, "kqat.rung." + rung + ".", (CompositeData) SERVER.getAttribute(n, "Stats"));
                    p.setProperty("kqat.rung." + rung + ".detail", String.valueOf(SERVER.getAttribute(n, "Detail")));
                }
            }
        } catch (Exception e) {
            p.setProperty("kqat.error", e.toString());
        }
    }

    private static void putComposite(Properties p, String prefix, CompositeData c) {
        for (String key : c.getCompositeType().keySet()) {
            p.setProperty(prefix + key, String.valueOf(c.get(key)));
        }
    }

    private static Set<ObjectName> rungs() {
        try {
            return SERVER.queryNames(new ObjectName(KqatObjectNames.EVERY_BACKEND), null);
        } catch (Exception e) {
            return Set.of();
        }
    }
}
