package io.kqat.tools.cli;

import io.kqat.codec.Setting;

/** A command that only compresses or only decompresses: it takes only the settings that affect that work. */
public interface CodecWork {
    Setting.Affects work();
}
