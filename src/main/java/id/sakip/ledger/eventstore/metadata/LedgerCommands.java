package id.sakip.ledger.eventstore.metadata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;


/**
 * Sends commands on behalf of a web request: the actor comes from authentication, the correlation
 * id from the request (or a new one), and the client's idempotency key travels with a fingerprint
 * of the request so the aggregate can tell a retry from a different request under the same key. A
 * command that lost an optimistic-concurrency race to another instance (nothing stored) is decided
 * again until it is stored or refused, for at most {@code ledger.commands.retry-for}: a count of
 * attempts would run out sooner the more requests of this instance wait on the same aggregate.
 */
@Component
public class LedgerCommands {

    private static final int MAX_KEY = 200;

    private final CommandGateway gateway;
    private final ActorResolver actors;
    private final ObjectMapper mapper;
    private final Duration retryFor;

    public LedgerCommands(CommandGateway gateway, ActorResolver actors, ObjectMapper mapper,
                          @Value("${ledger.commands.retry-for:20s}") Duration retryFor) {
        this.gateway = gateway;
        this.actors = actors;
        this.mapper = mapper;
        this.retryFor = retryFor;
    }

    /**
     * Request context of one command.
     *
     * @param request what the client sent (body and path values), fingerprinted with the idempotency key
     */
    public record Context(String organisationId, String correlationId, String idempotencyKey, Object request) {
    }

    public <R> R send(Object command, Context context) {
        id.sakip.ledger.shared.TextRules.require(mapper.valueToTree(command));
        Actor actor = actors.current(context.organisationId());
        Map<String, Object> meta = new HashMap<>();
        meta.put(LedgerMetadata.ACTOR_ID, actor.id());
        meta.put(LedgerMetadata.ACTOR_ROLE, actor.role());
        String correlation = context.correlationId();
        meta.put(LedgerMetadata.CORRELATION_ID, correlation == null || correlation.isBlank() || correlation.length() > 100
                ? UUID.randomUUID().toString() : correlation);
        if (context.idempotencyKey() != null && !context.idempotencyKey().isBlank()) {
            if (context.idempotencyKey().length() > MAX_KEY) {
                throw new id.sakip.ledger.shared.InvalidValue("INVALID_IDEMPOTENCY_KEY",
                        "Idempotency-Key is longer than " + MAX_KEY + " characters");
            }
            meta.put(LedgerMetadata.IDEMPOTENCY_KEY, context.idempotencyKey());
            meta.put(LedgerMetadata.REQUEST_FINGERPRINT, fingerprint(context.request() == null ? command : context.request()));
        }
        long deadline = System.nanoTime() + retryFor.toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                return gateway.sendAndWait(command, MetaData.from(meta));
            } catch (org.axonframework.modelling.command.ConcurrencyException e) {
                // another instance changed the same aggregate first; nothing was stored, so decide again
                if (System.nanoTime() - deadline >= 0) {
                    throw e;
                }
                backOff(attempt);
            } catch (CommandExecutionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }
    }

    /** A short random pause, growing with the attempts up to 50 ms, so that racing retries spread out. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 5L * Math.min(attempt, 10) + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a command", e);
        }
    }

    /**
     * SHA-256 of the request's type and JSON: equal for the same request, different otherwise. It is what a
     * command sent under an idempotency key carries, for callers that send many such requests in one command.
     */
    public String fingerprint(Object command) {
        try {
            byte[] json = mapper.writeValueAsBytes(command);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(command.getClass().getName().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint " + command.getClass().getSimpleName(), e);
        }
    }
}
