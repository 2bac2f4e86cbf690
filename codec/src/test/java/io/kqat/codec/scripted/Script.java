package io.kqat.codec.scripted;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the calls of one direction of a {@link ScriptedBackend} do, in order: the queued outcomes first (each once),
 * otherwise the standing rule (every {@code n}-th call, counting all calls), otherwise success. Thread-safe.
 *
 * <p>As text ({@link #parse}, for a system property): comma-separated items, {@code KIND} queues one outcome,
 * {@code KIND*N} queues it N times, {@code KIND/N} makes it the standing rule for every N-th call. So
 * {@code fault*5} fails the next five calls as a device would; {@code error/2} throws an Error at every second call.
 */
public final class Script {
    private final Deque<Outcome> queued = new ArrayDeque<>();
    private Outcome standing = Outcome.SUCCEED;
    private long every = 1;
    private int calls;
    private int thrown;
    private final Set<String> thrownKinds = new TreeSet<>();

    /** The next call does this. */
    public synchronized Script then(Outcome outcome) {
        queued.add(outcome);
        return this;
    }

    /** The next {@code times} calls do this. */
    public synchronized Script then(int times, Outcome outcome) {
        for (int i = 0; i < times; i++) {
            queued.add(outcome);
        }
        return this;
    }

    /** Calls number {@code n}, {@code 2n}, ... that nothing queued takes do this; the others succeed. */
    public synchronized Script every(long n, Outcome outcome) {
        if (n < 1) {
            throw new IllegalArgumentException("every n-th call needs n >= 1, got " + n);
        }
        this.every = n;
        this.standing = outcome;
        return this;
    }

    /** Every call that nothing queued takes does this. */
    public Script always(Outcome outcome) {
        return every(1, outcome);
    }

    /** Adds the items of {@code text} (see the class comment); an empty text adds nothing. */
    public Script parse(String text) {
        for (String item : text.split(",")) {
            String it = item.trim();
            if (it.isEmpty()) {
                continue;
            }
            int star = it.indexOf('*');
            int slash = it.indexOf('/');
            if (star > 0) {
                then(Integer.parseInt(it.substring(star + 1)), Outcome.parse(it.substring(0, star)));
            } else if (slash > 0) {
                every(Long.parseLong(it.substring(slash + 1)), Outcome.parse(it.substring(0, slash)));
            } else {
                then(Outcome.parse(it));
            }
        }
        return this;
    }

    /** Counts this call and does what the script says for it (returns on success, else throws). */
    void next() {
        outcomeOfNextCall().happen();
    }

    private synchronized Outcome outcomeOfNextCall() {
        calls++;
        Outcome o = queued.poll();
        if (o == null) {
            o = calls % every == 0 ? standing : Outcome.SUCCEED;
        }
        if (!o.succeeds()) {
            thrown++;
            thrownKinds.add(o.kind());
        }
        return o;
    }

    /** Calls so far. */
    public synchronized int calls() {
        return calls;
    }

    /** Calls that threw so far. */
    public synchronized int thrown() {
        return thrown;
    }

    /** The kinds thrown so far, joined by {@code +} ({@code error}, {@code fault+runtime}), or {@code nothing}. */
    public synchronized String thrownKinds() {
        return thrownKinds.isEmpty() ? "nothing" : String.join("+", thrownKinds);
    }
}
