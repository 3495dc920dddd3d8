package id.sakip.ledger.eventstore.testdomain;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Snapshot trigger of the test aggregate. */
@Configuration(proxyBeanMethods = false)
public class TallyTestConfiguration {

    @Bean
    public SnapshotTriggerDefinition tallySnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, 10);
    }
}
