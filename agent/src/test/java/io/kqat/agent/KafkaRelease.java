package io.kqat.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Enumeration;

/**
 * One released kafka-clients jar (copied by the build into {@code target/kafka-clients-releases}) in a class loader of
 * its own, so that several releases live in one test JVM beside the kafka-clients the agent compiles against. Kafka's
 * classes and class files come only from that jar; everything else (kqat, SLF4J, compression libraries) from the test
 * class path, as in an application.
 */
final class KafkaRelease {
    private static final String KAFKA_PACKAGE = "org.apache.kafka.";
    private static final String KAFKA_RESOURCES = "org/apache/kafka/";

    final String version;
    final ClassLoader loader;

    private KafkaRelease(String version, ClassLoader loader) {
        this.version = version;
        this.loader = loader;
    }

    static KafkaRelease of(String version) {
        Path dir = Paths.get(System.getProperty("kqat.kafkaClients.dir", "target/kafka-clients-releases"));
        Path jar = dir.resolve("kafka-clients-" + version + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the agent module's build copies it (mvn -pl agent verify)");
        }
        try {
            return new KafkaRelease(version, new URLClassLoader(new URL[] {jar.toUri().toURL()}, new WithoutKafka()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Class<?> type(String name) {
        try {
            return Class.forName("org.apache.kafka." + name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("kafka-clients " + version + " has no " + name, e);
        }
    }

    /** {@code CompressionType.valueOf(name)} of this release (2.8 to 3.7: the codec itself). */
    Object compressionType(String name) {
        return invokeStatic(type("common.record.CompressionType"), "forName", String.class, name);
    }

    /** {@code new ByteBufferOutputStream(initialCapacity)}. */
    OutputStream byteBufferOutputStream(int initialCapacity) {
        try {
            return (OutputStream) type("common.utils.ByteBufferOutputStream").getConstructor(int.class)
                    .newInstance(initialCapacity);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    ByteBuffer written(OutputStream byteBufferOutputStream) {
        return (ByteBuffer) invoke(byteBufferOutputStream, type("common.utils.ByteBufferOutputStream"), "buffer");
    }

    /** {@code compressionType.wrapForOutput(buffer, magic)}. */
    OutputStream wrapForOutput(Object compressionType, OutputStream buffer, byte magic) {
        Class<?> ct = type("common.record.CompressionType");
        return (OutputStream) invoke(compressionType, ct, "wrapForOutput",
                new Class<?>[] {type("common.utils.ByteBufferOutputStream"), byte.class}, buffer, magic);
    }

    /** {@code compressionType.wrapForInput(buffer, magic, BufferSupplier.create())}. */
    InputStream wrapForInput(Object compressionType, ByteBuffer buffer, byte magic) {
        Class<?> supplierType = type("common.utils.BufferSupplier");
        Object supplier = invokeStatic(supplierType, "create", null, null);
        return (InputStream) invoke(compressionType, type("common.record.CompressionType"), "wrapForInput",
                new Class<?>[] {ByteBuffer.class, byte.class, supplierType}, buffer, magic, supplier);
    }

    Object invoke(Object target, Class<?> declaring, String method) {
        return invoke(target, declaring, method, new Class<?>[0]);
    }

    /** Calls a public method as declared by {@code declaring} (a public type), unwrapping what it throws. */
    Object invoke(Object target, Class<?> declaring, String method, Class<?>[] types, Object... args) {
        try {
            Method m = declaring.getMethod(method, types);
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object invokeStatic(Class<?> declaring, String method, Class<?> argType, Object arg) {
        return argType == null
                ? invoke(null, declaring, method, new Class<?>[0])
                : invoke(null, declaring, method, new Class<?>[] {argType}, arg);
    }

    /** The test class path minus every Kafka class and class file (the test class path has kafka-clients 4.4). */
    private static final class WithoutKafka extends ClassLoader {
        WithoutKafka() {
            super(KafkaRelease.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith(KAFKA_PACKAGE)) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }

        @Override
        public URL getResource(String name) {
            return name.startsWith(KAFKA_RESOURCES) ? null : super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return name.startsWith(KAFKA_RESOURCES) ? java.util.Collections.emptyEnumeration() : super.getResources(name);
        }
    }
}
