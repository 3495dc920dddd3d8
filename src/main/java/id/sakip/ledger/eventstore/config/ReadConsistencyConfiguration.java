package id.sakip.ledger.eventstore.config;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import id.sakip.ledger.eventstore.ProcessingProgress;

/** Every event processor signals finished batches to the reads waiting for their read models. */
@Configuration(proxyBeanMethods = false)
public class ReadConsistencyConfiguration {

    @Bean
    public ConfigurerModule processorsSignalProgress(ProcessingProgress progress) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultHandlerInterceptor((config, name) -> progress));
    }
}
