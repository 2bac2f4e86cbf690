package io.kqat.codec.backend.qat.nativeapi;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.ptr.ShortByReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/**
 * qatlib's two libraries, loaded by soname from the system, or by path from a directory holding libraries with the same
 * sonames (kqat's QAT emulator). {@code libqat.so.4} (qatlib 23.08+) is preferred, {@code libqat.so.3} (22.07 to 23.02,
 * the same structures) taken when it is absent. The IOVA mapping functions and event mode are optional: they exist
 * from 26.02 on, the coalescing timer from 26.08.
 */
public final class QatLibraries {
    private static final String QAT_SONAME = "libqat.so.4";
    private static final String QAT_SONAME_V3 = "libqat.so.3";
    private static final String USDM_SONAME = "libusdm.so.0";
    private static final String[] REQUIRED_QAT = {"icp_sal_userStart", "icp_sal_userStop", "icp_sal_DcPollInstance",
        "cpaDcGetNumInstances", "cpaDcGetInstances", "cpaDcSetAddressTranslation", "cpaDcStartInstance",
        "cpaDcStopInstance", "cpaDcGetSessionSize", "cpaDcInitSession", "cpaDcRemoveSession",
        "cpaDcBufferListGetMetaSize", "cpaDcCompressData2", "cpaDcDecompressData2", "cpaDcQueryCapabilities",
        "cpaDcInstanceGetInfo2", "cpaDcDeflateCompressBound"};

    private final String origin;
    private final String qatSoname;
    private final String key;
    private final NativeLibrary usdmLibrary;
    private final Usdm usdm;
    private final Dc dc;
    private final Iova iova;
    private final QatEvents.Modes modes;
    private final QatEvents.Coalescing coalescing;
    private final Function virtToPhys;
    private final HotCalls hot;

    private QatLibraries(String origin, String key, String usdmName, String qatName, String qatSoname) {
        this.origin = origin;
        this.key = key;
        this.qatSoname = qatSoname;
        Map<String, Object> options = Collections.singletonMap(Library.OPTION_CLASSLOADER, QatLibraries.class.getClassLoader());
        this.usdmLibrary = NativeLibrary.getInstance(usdmName, options);
        this.usdm = Native.load(usdmName, Usdm.class, options);
        this.dc = Native.load(qatName, Dc.class, options);
        this.hot = HotCallsBinder.bind(NativeLibrary.getInstance(qatName, options), dc);
        this.virtToPhys = usdmLibrary.getFunction("qaeVirtToPhysNUMA");
        this.iova = hasSymbol(usdmLibrary, "qaeMemMapContiguousIova") && hasSymbol(usdmLibrary, "qaeMemUnmapContiguousIova")
                ? Native.load(usdmName, Iova.class, options)
                : null;
        NativeLibrary qat = NativeLibrary.getInstance(qatName, options);
        this.modes = hasSymbol(qat, "cpaInstanceSetResponseMode") && hasSymbol(qat, "cpaInstanceGetResponseMode")
                && hasSymbol(qat, "icp_sal_DcGetFileDescriptor") && hasSymbol(qat, "icp_sal_DcPutFileDescriptor")
                ? Native.load(qatName, QatEvents.Modes.class, options)
                : null;
        this.coalescing = modes != null && hasSymbol(qat, "cpaInstanceSetIntCoalescingTimer")
                && hasSymbol(qat, "cpaInstanceGetRxInterruptMetaData")
                ? Native.load(qatName, QatEvents.Coalescing.class, options)
                : null;
    }

    /**
     * @param directory where libqat.so.4 (or .so.3) and libusdm.so.0 are (the emulator), or null for the system's
     * @throws UnsatisfiedLinkError with a message for users when a library or a required symbol is missing
     */
    public static QatLibraries load(Path given) {
        Path directory = given == null ? null : given.toAbsolutePath(); // a relative path would be taken as a name
        String usdmName = directory == null ? USDM_SONAME : directory.resolve(USDM_SONAME).toString();
        String soname = directory == null ? systemSoname() : directorySoname(directory);
        String qatName = directory == null ? soname : directory.resolve(soname).toString();
        // libusdm first: libqat needs it, and by soname it is then already loaded.
        NativeLibrary usdm = NativeLibrary.getInstance(usdmName);
        NativeLibrary qat = NativeLibrary.getInstance(qatName);
        for (String required : new String[] {"qaeMemAllocNUMA", "qaeMemFreeNUMA", "qaeVirtToPhysNUMA"}) {
            usdm.getFunction(required);
        }
        for (String required : REQUIRED_QAT) {
            qat.getFunction(required);
        }
        String origin = (directory == null ? "system qatlib" : "emulator at " + directory) + " (" + soname + ")";
        return new QatLibraries(origin, key(qat, directory, soname), usdmName, qatName, soname);
    }

    /** Where the libraries come from, for messages: the system's qatlib or the emulator's directory, and the soname. */
    public String origin() {
        return origin;
    }

    /** Which libqat was loaded: {@code libqat.so.4} or {@code libqat.so.3}. */
    public String soname() {
        return qatSoname;
    }

    /**
     * The same for every copy of kqat that reaches the same libqat, however it named it: the real path of the file
     * loaded (a copy naming the emulator's directory and one naming the soname the loader matched to it share one).
     * Names the process-wide runtime.
     */
    public String key() {
        return key;
    }

    public Usdm usdm() {
        return usdm;
    }

    public Dc dc() {
        return dc;
    }

    /** The IOVA mapping calls, or null when the library predates them. */
    public Iova iova() {
        return iova;
    }

    /**
     * The response-mode calls (qatlib 26.02+), or null when the library predates event mode: probed by
     * {@code cpaInstanceSetResponseMode}, not by the file-descriptor calls every release exports.
     */
    public QatEvents.Modes events() {
        return modes;
    }

    /** The interrupt coalescing timer (qatlib 26.08+), or null. */
    public QatEvents.Coalescing coalescing() {
        return coalescing;
    }

    /** USDM's own translation function, registered with every instance. */
    public Function virtToPhys() {
        return virtToPhys;
    }

    /** Submit, poll and session set-up, by direct mapping where it binds. */
    public HotCalls hot() {
        return hot;
    }

    /** libqat.so.4, else libqat.so.3; the error names both when neither loads. */
    private static String systemSoname() {
        try {
            NativeLibrary.getInstance(QAT_SONAME);
            return QAT_SONAME;
        } catch (UnsatisfiedLinkError e4) {
            try {
                NativeLibrary.getInstance(QAT_SONAME_V3);
                return QAT_SONAME_V3;
            } catch (UnsatisfiedLinkError e3) {
                throw new UnsatisfiedLinkError(QAT_SONAME + " nor " + QAT_SONAME_V3 + " found: " + e4.getMessage());
            }
        }
    }

    private static String directorySoname(Path directory) {
        if (Files.isRegularFile(directory.resolve(QAT_SONAME))) {
            return QAT_SONAME;
        }
        if (Files.isRegularFile(directory.resolve(QAT_SONAME_V3))) {
            return QAT_SONAME_V3;
        }
        throw new UnsatisfiedLinkError(directory.resolve(QAT_SONAME) + " does not exist (nor " + QAT_SONAME_V3 + ")");
    }

    private static String key(NativeLibrary qat, Path directory, String soname) {
        Optional<Path> file = LoadedFile.holding(Pointer.nativeValue(qat.getFunction("icp_sal_userStart")));
        if (file.isPresent()) {
            return file.get().toString();
        }
        if (directory == null) {
            return soname;
        }
        try {
            return directory.toRealPath().resolve(soname).toString();
        } catch (java.io.IOException e) {
            return directory.toAbsolutePath().normalize().resolve(soname).toString();
        }
    }

    private static boolean hasSymbol(NativeLibrary library, String name) {
        try {
            library.getFunction(name);
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }

    /** libusdm: memory the device may reach. */
    public interface Usdm extends Library {
        Pointer qaeMemAllocNUMA(long size, int node, long physAlign);

        void qaeMemFreeNUMA(PointerByReference pointer);

        long qaeVirtToPhysNUMA(Pointer virt);
    }

    /** libusdm 26.02+: application memory mapped into the device's IOVA space. */
    public interface Iova extends Library {
        long qaeMemMapContiguousIova(Pointer virt, long size);

        int qaeMemUnmapContiguousIova(Pointer virt, long size);
    }

    /** libqat: the user-space process, instances and the data compression API. */
    public interface Dc extends Library {
        int icp_sal_userStart(String processName);

        int icp_sal_userStop();

        int icp_sal_DcPollInstance(Pointer instance, int responseQuota);

        int cpaDcGetNumInstances(ShortByReference count);

        int cpaDcGetInstances(short count, Pointer[] instances);

        int cpaDcSetAddressTranslation(Pointer instance, Pointer virtToPhys);

        int cpaDcBufferListGetMetaSize(Pointer instance, int numBuffers, IntByReference bytes);

        int cpaDcStartInstance(Pointer instance, short numIntermediate, Pointer intermediate);

        int cpaDcStopInstance(Pointer instance);

        int cpaDcGetSessionSize(Pointer instance, CpaStructs.CpaDcSessionSetupData setup, IntByReference sessionSize,
                                IntByReference contextSize);

        int cpaDcInitSession(Pointer instance, Pointer session, Pointer setup, Pointer context,
                             HotCalls.Completion callback);

        int cpaDcRemoveSession(Pointer instance, Pointer session);

        int cpaDcCompressData2(Pointer instance, Pointer session, Pointer src, Pointer dst, Pointer opData,
                               Pointer results, Pointer callbackTag);

        int cpaDcDecompressData2(Pointer instance, Pointer session, Pointer src, Pointer dst, Pointer opData,
                                 Pointer results, Pointer callbackTag);

        /** Fills a CpaDcInstanceCapabilities. */
        int cpaDcQueryCapabilities(Pointer instance, Pointer capabilities);

        /** Fills a CpaInstanceInfo2. */
        int cpaDcInstanceGetInfo2(Pointer instance, Pointer info);

        int cpaDcDeflateCompressBound(Pointer instance, int huffType, int inputSize, IntByReference outputSize);

        /** 22.07+; UNSUPPORTED on an instance without LZ4s. */
        int cpaDcLZ4SCompressBound(Pointer instance, int inputSize, IntByReference outputSize);

        /** 26.02+ (absent before: the call throws UnsatisfiedLinkError); UNSUPPORTED on an instance without zstd. */
        int cpaDcZstdCompressBound(Pointer instance, int inputSize, IntByReference outputSize);
    }
}
