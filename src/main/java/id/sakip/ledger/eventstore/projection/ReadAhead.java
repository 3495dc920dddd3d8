package id.sakip.ledger.eventstore.projection;

import java.util.Iterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Stream;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * Reads the log from its start up to a position on a thread of its own, deserialising each event's
 * payload and metadata there, so the next events are read while a rebuild's handlers work on the current batch.
 * A failure of the reader is thrown to the consumer.
 */
final class ReadAhead implements AutoCloseable {

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue;
    private final Thread reader;
    private volatile boolean closed;

    ReadAhead(EventStorageEngine storage, long upTo, int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.reader = new Thread(() -> read(storage, upTo), "ledger-rebuild-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(EventStorageEngine storage, long upTo) {
        Object last = END;
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> it = events.iterator();
            while (!closed && it.hasNext()) {
                TrackedEventMessage<?> event = it.next();
                if (event.trackingToken().position().orElse(Long.MAX_VALUE) > upTo) {
                    break;
                }
                event.getPayload();
                event.getMetaData();
                queue.put(event);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException | Error e) {
            last = e;
        }
        try {
            queue.put(last);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next event, or {@code null} after the last one. */
    TrackedEventMessage<?> next() throws InterruptedException {
        Object item = queue.take();
        if (item == END) {
            queue.put(END);
            return null;
        }
        if (item instanceof RuntimeException e) {
            throw e;
        }
        if (item instanceof Error e) {
            throw e;
        }
        return (TrackedEventMessage<?>) item;
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
    }
}
