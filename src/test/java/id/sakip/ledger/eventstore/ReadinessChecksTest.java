package id.sakip.ledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoDatabase;

/** Readiness is down until the store answers and the projections have caught up with the log. */
class ReadinessChecksTest {

    private final MongoDatabase database = mock(MongoDatabase.class);
    private final ProjectionLag lag = mock(ProjectionLag.class);
    private final ReadinessChecks checks = new ReadinessChecks(database, lag);

    @Test
    void readyWhenTheStoreAnswersAndProjectionsHaveCaughtUp() {
        when(database.runCommand(any(Bson.class))).thenReturn(new Document("ok", 1));
        when(lag.lagByProcessor()).thenReturn(Map.of("budget-books", 0L, "plan-books", 3L));
        assertThat(checks.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void notReadyWhileAProjectionIsBehind() {
        when(database.runCommand(any(Bson.class))).thenReturn(new Document("ok", 1));
        when(lag.lagByProcessor()).thenReturn(Map.of("budget-books", 5_000L));
        assertThat(checks.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }

    @Test
    void downWhenTheStoreDoesNotAnswer() {
        when(database.runCommand(any(Bson.class))).thenThrow(new MongoTimeoutException("no server"));
        assertThat(checks.health().getStatus()).isEqualTo(Status.DOWN);
    }
}
