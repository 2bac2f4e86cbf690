package io.kqat.codec.backend.qat.nativeapi;

import com.sun.jna.Callback;
import com.sun.jna.Pointer;

/**
 * The qatlib calls made for every request (submit, poll) and the one that registers the completion callback, with
 * handles and addresses as plain {@code long}s: kqat binds them by JNA direct mapping ({@link DirectCalls}), far
 * cheaper per call than an interface proxy. Public only because the direct binding is a copy of a class defined in a
 * class loader of its own; not an API.
 */
public interface HotCalls {
    int compress(long instance, long session, long src, long dst, long opData, long results, long tag);

    int decompress(long instance, long session, long src, long dst, long opData, long results, long tag);

    int poll(long instance, int responseQuota);

    /** {@code cpaDcInitSession}, so the callback is bound for direct calls as well. */
    int initSession(long instance, long session, Pointer setup, long context, Completion callback);

    /** Completion callback: {@code void fn(void *callbackTag, CpaStatus status)}, the tag as a number. */
    interface Completion extends Callback {
        void invoke(long callbackTag, int status);
    }
}
