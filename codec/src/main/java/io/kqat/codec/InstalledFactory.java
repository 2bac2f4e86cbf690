package io.kqat.codec;

import java.util.Iterator;
import java.util.ServiceLoader;

/** The engine's factory, looked up once: the class path of a loaded class does not change. */
final class InstalledFactory {
    static final CodecFactory FACTORY = find();

    private InstalledFactory() {
    }

    private static CodecFactory find() {
        Iterator<CodecFactory> found = ServiceLoader.load(CodecFactory.class, CodecFactory.class.getClassLoader()).iterator();
        if (!found.hasNext()) {
            throw new KqatException("kqat's codec engine is not on the class path (META-INF/services/"
                    + CodecFactory.class.getName() + " of kqat-codec)");
        }
        return found.next();
    }
}
