package id.sakip.ledger.eventstore;

/**
 * The global sequence of the last event a request appended, captured on the request's thread (commands
 * run on the caller's thread), so its answer can tell the client which log position holds its write.
 */
public final class WritePosition {

    private static final ThreadLocal<long[]> CURRENT = new ThreadLocal<>();

    private WritePosition() {
    }

    /** Starts capturing on this thread; appends before {@link #close()} raise the captured position. */
    public static void open() {
        CURRENT.set(new long[] {-1});
    }

    /** The last global sequence appended on this thread since {@link #open()}, or -1 when none. */
    public static long current() {
        long[] captured = CURRENT.get();
        return captured == null ? -1 : captured[0];
    }

    /** Stops capturing on this thread. */
    public static void close() {
        CURRENT.remove();
    }

    static void appended(long lastSequence) {
        long[] captured = CURRENT.get();
        if (captured != null && lastSequence > captured[0]) {
            captured[0] = lastSequence;
        }
    }
}
