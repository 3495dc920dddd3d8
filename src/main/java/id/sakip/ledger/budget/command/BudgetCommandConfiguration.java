package id.sakip.ledger.budget.command;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A budget is snapshotted every 1 000 events, so a cold load never replays its whole history. A
 * budget keeps its entries (for reversals and idempotent answers), so its snapshot grows with it:
 * taking one every 100 events made snapshotting quadratic. Hot budgets are served from the cache.
 */
@Configuration(proxyBeanMethods = false)
public class BudgetCommandConfiguration {

    @Bean
    public SnapshotTriggerDefinition budgetSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, 1_000);
    }
}
