package id.sakip.ledger.eventstore.metadata;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Until authentication is configured, requests act as an anonymous actor (never as the client claims). */
@Configuration(proxyBeanMethods = false)
public class AnonymousActorResolver {

    @Bean
    @ConditionalOnMissingBean
    public ActorResolver anonymousActors() {
        return organisationId -> new Actor("anonymous", "NONE");
    }
}
