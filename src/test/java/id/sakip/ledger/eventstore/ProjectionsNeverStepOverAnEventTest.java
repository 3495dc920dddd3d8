package id.sakip.ledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.springboot.autoconfig.AxonTimeoutAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import id.sakip.ledger.LedgerApiTest;
import id.sakip.ledger.budget.api.BudgetAdopted;

/**
 * A projection whose handler fails on an event (the store briefly unreachable, a full heap) must take
 * that event again, never continue past it: otherwise its read model silently lacks the event while the
 * processor reports itself caught up. And a slow batch on a loaded PC is not interrupted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "axon.eventhandling.processors.step-over-probe.mode=pooled",
        "axon.eventhandling.processors.step-over-probe.source=eventStore"})
@org.springframework.context.annotation.Import({LedgerApiTest.TestBeans.class,
        ProjectionsNeverStepOverAnEventTest.Probe.class})
@DirtiesContext
class ProjectionsNeverStepOverAnEventTest {

    private static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("ledger-step-over");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", DATA_DIR::toString);
        registry.add("ledger.security.bootstrap-admin-password", () -> LedgerApiTest.ADMIN_PASSWORD);
    }

    /** A projection that fails the first time it sees each budget adoption, then takes it. */
    @TestConfiguration
    static class Probe {
        @Bean
        FailsOnceProjection failsOnceProjection() {
            return new FailsOnceProjection();
        }
    }

    @ProcessingGroup("step-over-probe")
    static class FailsOnceProjection {
        final Set<String> attempted = ConcurrentHashMap.newKeySet();
        /** How often each organisation's adoption reached the handler. */
        final Map<String, Integer> attemptsByOrganisation = new ConcurrentHashMap<>();
        final Set<String> folded = ConcurrentHashMap.newKeySet();
        /** The classes on the handling thread's stack when the adoption was folded. */
        final Set<String> callers = ConcurrentHashMap.newKeySet();

        @EventHandler
        void on(BudgetAdopted event, EventMessage<?> message) {
            attemptsByOrganisation.merge(event.organisationId(), 1, Integer::sum);
            if (attempted.add(message.getIdentifier())) {
                throw new IllegalStateException("the store did not answer this time");
            }
            for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
                callers.add(frame.getClassName());
            }
            folded.add(event.organisationId());
        }
    }

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    FailsOnceProjection probe;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ApplicationContext context;

    @Test
    void anEventWhoseHandlerFailedIsTakenAgainNotSteppedOver() {
        adoptAndAwaitFold("kec-langkah");
        assertThat(probe.attemptsByOrganisation).as("the failed attempt, then the fold").containsEntry("kec-langkah", 2);
    }

    private void adoptAndAwaitFold(String organisation) {
        Map<String, Object> body = Map.of("fund", "APBD", "programs", List.of(Map.of("number", 1, "name", "P",
                "activities", List.of(Map.of("number", 1, "name", "K", "objective", "S1", "lines",
                        List.of(Map.of("lineId", "1", "number", 1, "name", "L", "economicClass", "barang_jasa",
                                "amount", 1_000_000)))))));
        var answer = anonymous.withBasicAuth("admin", LedgerApiTest.ADMIN_PASSWORD).exchange(
                "/api/v1/organisations/" + organisation + "/budgets/2024", HttpMethod.POST, new HttpEntity<>(body),
                new ParameterizedTypeReference<Map<String, Object>>() {
                });
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(probe.folded).as("the adoption, folded after its first attempt failed")
                        .contains(organisation));
    }

    @Test
    void everyStreamingProcessorOfTheLedgerPropagatesAHandlerFailure() {
        assertThat(processing.eventProcessors().keySet())
                .contains("budget-books", "plan-books", "audit-index", "organisations", "user-accounts");
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor) {
                assertThat(processing.listenerInvocationErrorHandler(name)).as(name)
                        .isInstanceOf(PropagatingErrorHandler.class);
            }
        });
    }

    @Test
    void theSubscribingSignInCacheNeverFailsACommandWhoseEventsAreAlreadyStored() {
        assertThat(processing.eventProcessors().get("user-cache")).isNotInstanceOf(StreamingEventProcessor.class);
        assertThat(processing.listenerInvocationErrorHandler("user-cache"))
                .isNotInstanceOf(PropagatingErrorHandler.class);
    }

    @Test
    void noHandlerRunsUnderAxonsTimeLimitsSoASlowBatchIsNeverInterrupted() {
        adoptAndAwaitFold("kec-lambat");
        assertThat(probe.callers).as("classes on the projection's stack").isNotEmpty()
                .noneMatch(name -> name.startsWith("org.axonframework.messaging.timeout."));
        assertThat(context.getBeanNamesForType(AxonTimeoutAutoConfiguration.class))
                .as("Axon's timeout configuration").isEmpty();
    }
}
