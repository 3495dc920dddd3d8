package id.sakip.ledger.eventstore.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A command that lost the race for its aggregate to another instance is decided again for a while,
 * however many times it loses, so that the client gets an answer on its request, not a spurious conflict.
 */
class LedgerCommandsRetryTest {

    private static final LedgerCommands.Context CONTEXT = new LedgerCommands.Context("kec-two", null, null, null);

    record Realise(String lineId, long amount) {
    }

    @Test
    void aCommandThatKeepsLosingTheRaceIsDecidedAgainUntilItIsStored() {
        AtomicInteger attempts = new AtomicInteger();
        LedgerCommands commands = commands(losingFirst(20, attempts), Duration.ofSeconds(10));

        String answer = commands.send(new Realise("1", 5_000), CONTEXT);

        assertThat(answer).isEqualTo("stored");
        assertThat(attempts).as("twenty lost races and the attempt that was stored").hasValue(21);
    }

    @Test
    void aCommandStillLosingWhenTheRetryTimeIsOverIsAnsweredAsAConcurrentChange() {
        AtomicInteger attempts = new AtomicInteger();
        LedgerCommands commands = commands(losingFirst(Integer.MAX_VALUE, attempts), Duration.ofMillis(300));

        long started = System.nanoTime();
        assertThatThrownBy(() -> commands.send(new Realise("1", 5_000), CONTEXT))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(300),
                Duration.ofSeconds(5));
        assertThat(attempts.get()).isGreaterThan(1);
    }

    private static LedgerCommands commands(CommandGateway gateway, Duration retryFor) {
        return new LedgerCommands(gateway, organisation -> new Actor("bendahara", "TREASURER"), new ObjectMapper(),
                retryFor);
    }

    /** A gateway whose first {@code lost} attempts lose to another instance's commit of the same aggregate. */
    private static CommandGateway losingFirst(int lost, AtomicInteger attempts) {
        CommandGateway gateway = Mockito.mock(CommandGateway.class);
        Mockito.when(gateway.sendAndWait(Mockito.any(), Mockito.any(MetaData.class))).thenAnswer(call -> {
            if (attempts.incrementAndGet() <= lost) {
                throw new ConcurrencyException("another instance stored sequence 7 of budget kec-two-2025 first");
            }
            return "stored";
        });
        return gateway;
    }
}
