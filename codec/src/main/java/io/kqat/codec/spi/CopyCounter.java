package io.kqat.codec.spi;

/** Where the staging layer reports the bytes it copied for one request, so every copy shows in the metrics. */
public interface CopyCounter {
    CopyCounter NONE = new CopyCounter() {
        @Override
        public void copiedIn(long bytes) {
        }

        @Override
        public void copiedOut(long bytes) {
        }
    };

    /** Bytes of a request's input copied into the backend's memory. */
    void copiedIn(long bytes);

    /** Bytes of a request's output copied out of the backend's memory. */
    void copiedOut(long bytes);
}
