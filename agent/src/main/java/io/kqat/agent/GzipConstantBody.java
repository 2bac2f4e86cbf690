package io.kqat.agent;

import java.io.IOException;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Finds which class implements the {@code GZIP} constant (or another, such as {@code ZSTD}) of kafka-clients'
 * {@code CompressionType} enum before 3.8,
 * where each constant has a body class of its own ({@code CompressionType$2} in 2.8 and 3.7; javac numbers them in
 * source order, so the number is not relied on). It reads the enum's static initializer: the body class instantiated
 * just before the store into the static field {@code GZIP} is the one.
 *
 * <p>Reading the class file, rather than loading the enum, is what makes this usable while the body class is being
 * loaded: that happens inside the enum's own initialisation.
 */
final class GzipConstantBody {
    static final String CONSTANT = "GZIP";

    private GzipConstantBody() {
    }

    /**
     * The binary name ({@code a.b.C$2}) of the class that implements {@code enumName}'s GZIP constant, as seen by
     * {@code loader}; null when the enum's class file cannot be read or has no such constant.
     */
    static String of(String enumName, ClassLoader loader) {
        return of(enumName, CONSTANT, loader);
    }

    /** As {@link #of(String, ClassLoader)} for the constant named {@code constant}. */
    static String of(String enumName, String constant, ClassLoader loader) {
        ClassFileLocator locator = ClassFileLocator.ForClassLoader.of(loader);
        byte[] classFile;
        try {
            ClassFileLocator.Resolution resolution = locator.locate(enumName);
            if (!resolution.isResolved()) {
                return null;
            }
            classFile = resolution.resolve();
        } catch (IOException e) {
            return null;
        }
        return inClassFile(classFile, constant);
    }

    /** As {@link #of}, from the enum's class file bytes. */
    static String inClassFile(byte[] enumClassFile) {
        return inClassFile(enumClassFile, CONSTANT);
    }

    static String inClassFile(byte[] enumClassFile, String constant) {
        ClassReader reader = new ClassReader(enumClassFile);
        StaticInitializerScan scan = new StaticInitializerScan(reader.getClassName(), constant);
        reader.accept(scan, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return scan.body == null ? null : scan.body.replace('/', '.');
    }

    private static final class StaticInitializerScan extends ClassVisitor {
        private final String enumInternalName;
        private final String constant;
        private String body;

        StaticInitializerScan(String enumInternalName, String constant) {
            super(Opcodes.ASM9);
            this.enumInternalName = enumInternalName;
            this.constant = constant;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            if (!name.equals("<clinit>")) {
                return null;
            }
            return new MethodVisitor(Opcodes.ASM9) {
                private String lastNew;

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    if (opcode == Opcodes.NEW) {
                        lastNew = type;
                    }
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
                    if (opcode == Opcodes.PUTSTATIC && owner.equals(enumInternalName) && field.equals(constant)
                            && lastNew != null && lastNew.startsWith(enumInternalName + "$")) {
                        body = lastNew;
                    }
                }
            };
        }
    }
}
