package io.kqat.codec.backend.qat.nativeapi;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds {@link HotCalls} to one libqat: a fresh copy of {@link DirectCalls} (from its class file, in a class loader of
 * its own whose parent is kqat's) registered with JNA direct mapping to that library. Should that fail, the calls go
 * through the interface-mapped bindings, slower but the same.
 */
final class HotCallsBinder {
    private static final Logger LOG = LoggerFactory.getLogger(HotCallsBinder.class);
    private static final String DIRECT = DirectCallsName.NAME;

    private HotCallsBinder() {
    }

    static HotCalls bind(NativeLibrary qat, QatLibraries.Dc proxy) {
        try {
            Class<?> copy = new CopyLoader(HotCallsBinder.class.getClassLoader(), classBytes()).loadClass(DIRECT);
            Native.register(copy, qat);
            return (HotCalls) copy.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | IOException | LinkageError | RuntimeException e) {
            LOG.warn("kqat: QAT calls bound through JNA's interface mapping (slower): {}", e.toString());
            return new ThroughProxy(proxy);
        }
    }

    private static byte[] classBytes() throws IOException {
        String resource = DIRECT.substring(DIRECT.lastIndexOf('.') + 1) + ".class";
        try (InputStream in = HotCallsBinder.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " not found");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    /** Defines the one class itself; everything else comes from kqat's loader. */
    private static final class CopyLoader extends ClassLoader {
        private final byte[] bytes;

        CopyLoader(ClassLoader parent, byte[] bytes) {
            super(parent);
            this.bytes = bytes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!DIRECT.equals(name)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                return c != null ? c : defineClass(name, bytes, 0, bytes.length);
            }
        }
    }

    /** The same calls through the interface-mapped library. */
    private static final class ThroughProxy implements HotCalls {
        private final QatLibraries.Dc dc;

        ThroughProxy(QatLibraries.Dc dc) {
            this.dc = dc;
        }

        @Override
        public int compress(long instance, long session, long src, long dst, long opData, long results, long tag) {
            return dc.cpaDcCompressData2(new Pointer(instance), new Pointer(session), new Pointer(src), new Pointer(dst),
                    new Pointer(opData), new Pointer(results), new Pointer(tag));
        }

        @Override
        public int decompress(long instance, long session, long src, long dst, long opData, long results, long tag) {
            return dc.cpaDcDecompressData2(new Pointer(instance), new Pointer(session), new Pointer(src),
                    new Pointer(dst), new Pointer(opData), new Pointer(results), new Pointer(tag));
        }

        @Override
        public int poll(long instance, int responseQuota) {
            return dc.icp_sal_DcPollInstance(new Pointer(instance), responseQuota);
        }

        @Override
        public int initSession(long instance, long session, Pointer setup, long context, Completion callback) {
            return dc.cpaDcInitSession(new Pointer(instance), new Pointer(session), setup,
                    context == 0 ? null : new Pointer(context), callback);
        }
    }
}
