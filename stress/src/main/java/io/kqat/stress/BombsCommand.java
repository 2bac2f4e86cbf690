package io.kqat.stress;

final class BombsCommand {
    private BombsCommand() {
    }

    static int run(String[] argv) {
        throw new Args.UsageException("work in progress");
    }
}
