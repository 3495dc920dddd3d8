package id.sakip.ledger.budget.command;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A budget is snapshotted every 100 events, so loading it never replays its whole history. */
@Configuration(proxyBeanMethods = false)
public class BudgetCommandConfiguration {

    @Bean
    public SnapshotTriggerDefinition budgetSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, 100);
    }
}
