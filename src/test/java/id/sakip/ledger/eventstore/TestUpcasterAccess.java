package id.sakip.ledger.eventstore;

import org.axonframework.serialization.upcasting.event.EventUpcaster;

/** Gives tests outside this package the test upcaster. */
public final class TestUpcasterAccess {

    public EventUpcaster upcaster() {
        return new TestUpcaster();
    }
}
