package io.kqat.codec.backend.isal;

import static org.assertj.core.api.Assertions.assertThat;

/** The tests here exercise the real library: its absence fails them loudly, naming the package to install. */
final class IsalLibrary {
    private IsalLibrary() {
    }

    static void requireLoaded() {
        assertThat(IsalNative.LOAD_FAILURE).as("libisal.so.2 (Debian package libisal2, scripts/setup-debian.sh)")
                .isNull();
    }
}
