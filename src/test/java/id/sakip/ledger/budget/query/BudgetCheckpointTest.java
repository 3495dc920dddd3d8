package id.sakip.ledger.budget.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import id.sakip.ledger.LedgerApiTest;
import id.sakip.ledger.budget.api.AdoptBudget;
import id.sakip.ledger.budget.api.BudgetActivity;
import id.sakip.ledger.budget.api.BudgetId;
import id.sakip.ledger.budget.api.BudgetLine;
import id.sakip.ledger.budget.api.BudgetProgram;
import id.sakip.ledger.budget.api.EconomicClass;
import id.sakip.ledger.budget.api.RecordRealisation;
import id.sakip.ledger.eventstore.metadata.LedgerMetadata;
import id.sakip.ledger.eventstore.projection.AggregateHistory;
import id.sakip.ledger.eventstore.projection.JsonDocumentCodec;
import id.sakip.ledger.shared.LedgerClock;
import id.sakip.ledger.shared.Rupiah;

/**
 * An {@code asOf} fold that starts from the live model's checkpoints gives exactly the book of a fold
 * from the first event, including when some events were recorded with a clock running behind (as on
 * an instance whose clock is a little late), so recording times are not in sequence order.
 */
class BudgetCheckpointTest extends LedgerApiTest {

    private static final MetaData ACTOR = MetaData.with(LedgerMetadata.ACTOR_ID, "bendahara")
            .and(LedgerMetadata.ACTOR_ROLE, "TREASURER");

    @Autowired
    CommandGateway gateway;
    @Autowired
    BudgetQueries queries;
    @Autowired
    AggregateHistory history;
    @Autowired
    BudgetBookProjection projection;

    @Test
    void asOfFromCheckpointsEqualsTheFoldFromTheFirstEvent() {
        String org = "kec-checkpoint";
        int year = LedgerClock.today(clock).getYear();
        gateway.sendAndWait(new AdoptBudget(org, year, "APBD", "DPA", null, null, List.of(new BudgetProgram(1, "P",
                null, List.of(new BudgetActivity(1, "K", "S1", null, List.of(
                        new BudgetLine("1", 1, "satu", EconomicClass.BARANG_JASA, null, null, Rupiah.of(1_000_000_000L)),
                        new BudgetLine("2", 2, "dua", EconomicClass.BARANG_JASA, null, null,
                                Rupiah.of(1_000_000_000L)))))))), ACTOR);
        List<Instant> moments = new ArrayList<>();
        moments.add(clock.instant().minusSeconds(60));
        for (int i = 1; i <= 2_150; i++) {
            boolean late = i >= 1_700 && i < 1_720;
            Instant now = clock.instant();
            if (late) {
                clock.set(now.minusSeconds(120));
            }
            gateway.sendAndWait(new RecordRealisation(org, year, "cp-" + i, String.valueOf(1 + i % 2), Rupiah.of(i),
                    LocalDate.of(year, 1, 1), "SP2D-" + i, null), ACTOR);
            if (late) {
                moments.add(clock.instant());
                clock.set(now);
            }
            clock.set(clock.instant().plusMillis(100));
            if (i % 250 == 0 || i == 999 || i == 1_001) {
                moments.add(clock.instant());
            }
        }
        moments.add(clock.instant().plusSeconds(60));
        awaitProjections();

        String budgetId = BudgetId.of(org, year);
        List<BudgetCheckpoints.Checkpoint> checkpoints = projection.checkpoints().upTo(budgetId, 2);
        assertThat(checkpoints).extracting(BudgetCheckpoints.Checkpoint::block).containsExactly(1, 2);
        assertThat(checkpoints.get(1).blockFirstRecordedAt()).as("the late clock shows in block 2")
                .isBefore(checkpoints.get(0).maxRecordedAt());

        JsonDocumentCodec<BudgetBook> codec = new JsonDocumentCodec<>(BudgetBook.class);
        for (Instant asOf : moments) {
            BudgetBook expected = BudgetBook.empty(null);
            history.forEach(budgetId, asOf, m -> expected.apply(m.getPayload(), BudgetQueries.recorded(m)));
            BudgetBook fromCheckpoints = queries.fold(org, year, asOf, null);
            assertThat(codec.write(budgetId, fromCheckpoints)).as("as of " + asOf)
                    .isEqualTo(codec.write(budgetId, expected));
        }
        BudgetBook atEnd = queries.fold(org, year, clock.instant(), null);
        assertThat(atEnd.events).isEqualTo(2_151);
    }
}
