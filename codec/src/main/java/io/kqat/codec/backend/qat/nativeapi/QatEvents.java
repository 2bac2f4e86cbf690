package io.kqat.codec.backend.qat.nativeapi;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * qatlib's event-driven completions, optional symbols bound only where the library has them (see
 * {@link QatLibraries#events()} and {@link QatLibraries#coalescing()}). Values as {@code cpa.h} of 26.02 and 26.08.
 */
public final class QatEvents {
    /** {@code CPA_ACC_SVC_TYPE_DATA_COMPRESSION}. */
    public static final int DATA_COMPRESSION = 1;
    /** {@code CPA_INST_RX_NOTIFY_NONE}: the instance is polled. */
    public static final int NOTIFY_NONE = 1;
    /** {@code CPA_INST_RX_NOTIFY_BY_EVENT}: responses signal the VF's eventfd. */
    public static final int NOTIFY_BY_EVENT = 2;
    /** {@code CpaRxInterruptMetaData}: timer, maximum, granularity (Cpa32U), reserved Cpa32U and Cpa64U. */
    public static final int METADATA_SIZE = 24;

    private QatEvents() {
    }

    /**
     * qatlib 26.02+ (CPA API 5.8): the response mode. The two file-descriptor functions are exported since 22.07 but
     * answer UNSUPPORTED unless the instance is in event mode, so their presence says nothing.
     */
    public interface Modes extends Library {
        int cpaInstanceSetResponseMode(Pointer instance, int serviceType, int mode);

        int cpaInstanceGetResponseMode(Pointer instance, int serviceType, IntByReference mode);

        int icp_sal_DcGetFileDescriptor(Pointer instance, IntByReference fd);

        int icp_sal_DcPutFileDescriptor(Pointer instance, int fd);
    }

    /** qatlib 26.08+ (CPA API 5.9): the interrupt coalescing timer. */
    public interface Coalescing extends Library {
        int cpaInstanceSetIntCoalescingTimer(Pointer instance, int serviceType, int nanos);

        /** Fills a {@code CpaRxInterruptMetaData} of {@link #METADATA_SIZE} bytes. */
        int cpaInstanceGetRxInterruptMetaData(Pointer instance, int serviceType, Pointer metaData);
    }
}
