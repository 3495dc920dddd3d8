package id.sakip.ledger.eventstore.metadata;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Carries the ledger metadata from each command to every event it causes. */
@Configuration(proxyBeanMethods = false)
public class MetadataConfiguration {

    @Bean
    public CorrelationDataProvider ledgerCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(LedgerMetadata.ACTOR_ID, LedgerMetadata.ACTOR_ROLE,
                LedgerMetadata.ORGANISATION_ID, LedgerMetadata.CORRELATION_ID, LedgerMetadata.IDEMPOTENCY_KEY);
    }

    /** Registers the metadata interceptor on the command bus, apart from the providers above. */
    @org.springframework.stereotype.Component
    static class InterceptorRegistration {
        InterceptorRegistration(CommandBus commandBus) {
            commandBus.registerDispatchInterceptor(new LedgerMetadataInterceptor());
        }
    }
}
