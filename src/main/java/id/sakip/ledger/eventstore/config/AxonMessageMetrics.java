package id.sakip.ledger.eventstore.config;

import java.util.List;
import java.util.function.Function;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;

/**
 * Axon's message metrics with the names and tags of its dimensional auto-configuration (which is switched
 * off: {@code axon.metrics.auto-configuration.enabled}), without its capacity monitors. A capacity monitor
 * keeps every message's processing time for ten minutes, per processor and bus: at 1 000 events a second
 * that is millions of live map entries, hundreds of megabytes of a 512 MB heap, which the collector copies
 * and marks again and again. Counts, timers and processor latency are kept.
 */
@Configuration(proxyBeanMethods = false)
public class AxonMessageMetrics {

    static final String EVENT_PROCESSOR = "eventProcessor";

    @Bean
    public ConfigurerModule axonMessageMonitors(MeterRegistry registry) {
        return configurer -> configurer.configureMessageMonitor(
                configuration -> (componentType, componentName) -> monitor(registry, componentType, componentName));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static MessageMonitor<Message<?>> monitor(MeterRegistry registry, Class<?> componentType, String componentName) {
        if (EventProcessor.class.isAssignableFrom(componentType)) {
            Function<Message<?>, Iterable<Tag>> tags = message -> Tags.of(TagsUtil.PROCESSOR_NAME_TAG, componentName,
                    TagsUtil.PAYLOAD_TYPE_TAG, message.getPayloadType().getSimpleName());
            // an event processor's monitor only ever sees event messages
            MessageMonitor latency = EventProcessorLatencyMonitor.builder().meterNamePrefix(EVENT_PROCESSOR)
                    .meterRegistry(registry).tagsBuilder(tags).build();
            return new MultiMessageMonitor<>(List.of(timer(registry, EVENT_PROCESSOR, tags), latency,
                    MessageCountingMonitor.buildMonitor(EVENT_PROCESSOR, registry, tags)));
        }
        Function<Message<?>, Iterable<Tag>> tags = TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION;
        if (CommandBus.class.isAssignableFrom(componentType) || QueryBus.class.isAssignableFrom(componentType)
                || QueryUpdateEmitter.class.isAssignableFrom(componentType)) {
            return new MultiMessageMonitor<>(List.of(timer(registry, componentName, tags),
                    MessageCountingMonitor.buildMonitor(componentName, registry, tags)));
        }
        if (EventBus.class.isAssignableFrom(componentType)) {
            return (MessageMonitor) MessageCountingMonitor.buildMonitor(componentName, registry, tags);
        }
        return NoOpMessageMonitor.instance();
    }

    private static MessageTimerMonitor timer(MeterRegistry registry, String prefix,
                                             Function<Message<?>, Iterable<Tag>> tags) {
        return MessageTimerMonitor.builder().meterNamePrefix(prefix).meterRegistry(registry).tagsBuilder(tags).build();
    }
}
