package id.sakip.ledger.budget.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import id.sakip.ledger.LedgerApiTest;
import id.sakip.ledger.budget.api.AdoptBudget;

/** Adopting a budget that exists is refused at once, saying which budget exists, and is not retried. */
class BudgetReadoptionTest extends LedgerApiTest {

    private static final Map<String, Object> BUDGET = Map.of("fund", "APBD", "legalBasis", "DPA-1",
            "programs", List.of(Map.of("number", 1, "name", "P", "activities", List.of(Map.of("number", 1,
                    "name", "K", "objective", "S1", "lines", List.of(Map.of("lineId", "1", "number", 1, "name", "L",
                            "economicClass", "modal", "amount", 10)))))));

    @Autowired
    CommandBus commandBus;

    @Test
    void readoptingAnExistingBudgetIsRefusedAsAlreadyExistingWithOneCommandAttempt() {
        assertThat(post("/api/v1/organisations/kec-readopt/budgets/2023", BUDGET).getStatusCode().value())
                .isEqualTo(201);
        AtomicInteger attempts = new AtomicInteger();
        Registration counting = commandBus.registerDispatchInterceptor(messages -> (i, m) -> {
            if (m.getPayload() instanceof AdoptBudget a && a.organisationId().equals("kec-readopt")) {
                attempts.incrementAndGet();
            }
            return m;
        });
        ResponseEntity<Map<String, Object>> again;
        try {
            again = post("/api/v1/organisations/kec-readopt/budgets/2023", BUDGET);
        } finally {
            counting.cancel();
        }

        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(again.getBody()).containsEntry("code", "ALREADY_EXISTS")
                .containsEntry("detail", "budget of kec-readopt for 2023 already exists");
        assertThat(attempts).hasValue(1);
    }
}
