package id.sakip.ledger.eventstore.metadata;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Completes a command's metadata before dispatch: an actor ({@code system} when none was given by
 * an authenticated caller), the organisation of an {@link OrganisationScoped} command, and a
 * correlation id (the command's own id when the caller gave none).
 */
public class LedgerMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> extra = new HashMap<>();
            if (!command.getMetaData().containsKey(LedgerMetadata.ACTOR_ID)) {
                extra.put(LedgerMetadata.ACTOR_ID, LedgerMetadata.SYSTEM_ACTOR);
                extra.put(LedgerMetadata.ACTOR_ROLE, LedgerMetadata.SYSTEM_ROLE);
            }
            if (command.getPayload() instanceof OrganisationScoped scoped) {
                extra.put(LedgerMetadata.ORGANISATION_ID, scoped.organisationId());
            }
            if (!command.getMetaData().containsKey(LedgerMetadata.CORRELATION_ID)) {
                extra.put(LedgerMetadata.CORRELATION_ID, command.getIdentifier());
            }
            return extra.isEmpty() ? command : command.andMetaData(extra);
        };
    }
}
