package id.sakip.ledger.eventstore;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Tells waiting readers that an event processor has finished a batch on this node, so a read waiting
 * for its read models re-checks their positions at once instead of polling.
 * <p>
 * As a handler interceptor on every processor it signals in the batch's clean-up phase, which runs
 * after the processor has advanced its segment's status past the batch.
 */
@Component
public class ProcessingProgress implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String SIGNALLED = ProcessingProgress.class.getName() + "#signalled";

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progressed = lock.newCondition();
    private long batches;

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (unitOfWork.resources().putIfAbsent(SIGNALLED, Boolean.TRUE) == null) {
            unitOfWork.onCleanup(u -> signal());
        }
        return chain.proceed();
    }

    /** Wakes every reader waiting for progress. */
    public void signal() {
        lock.lock();
        try {
            batches++;
            progressed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How many batches have finished so far; pass it to {@link #awaitAfter}. */
    public long batches() {
        lock.lock();
        try {
            return batches;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until a batch finishes after {@code seen} was read, or {@code nanos} pass. */
    public void awaitAfter(long seen, long nanos) {
        lock.lock();
        try {
            long left = nanos;
            while (batches == seen && left > 0) {
                left = progressed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }
}
