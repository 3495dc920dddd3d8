package id.sakip.ledger.eventstore.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A rebuild splits its models into one group per core, and a batch ends only when every group has
 * folded it: a failure of any group fails the batch, after the others have ended.
 */
class ProjectionRebuildsTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void modelsAreSplitRoundRobinIntoAtMostOneGroupPerCore() {
        List<String> models = List.of("a", "b", "c", "d", "e");
        List<List<String>> groups = ProjectionRebuilds.groups(models);
        int cores = Runtime.getRuntime().availableProcessors();

        assertThat(groups).hasSize(Math.min(cores, models.size()));
        assertThat(groups.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(models);
        assertThat(groups.get(0)).startsWith("a");
        assertThat(ProjectionRebuilds.groups(List.of("only"))).containsExactly(List.of("only"));
    }

    @Test
    void groupsFoldAtTheSameTime() throws Exception {
        CountDownLatch bothStarted = new CountDownLatch(2);
        Callable<Void> meetTheOther = () -> {
            bothStarted.countDown();
            assertThat(bothStarted.await(10, TimeUnit.SECONDS)).as("the other group runs meanwhile").isTrue();
            return null;
        };

        ProjectionRebuilds.inParallel(List.of(meetTheOther, meetTheOther), executor);
    }

    @Test
    void anotherGroupsFailureFailsTheBatch() {
        CountDownLatch failed = new CountDownLatch(1);
        AtomicBoolean otherEnded = new AtomicBoolean();
        Callable<Void> first = () -> {
            assertThat(failed.await(10, TimeUnit.SECONDS)).isTrue();
            otherEnded.set(true);
            return null;
        };
        Callable<Void> failing = () -> {
            failed.countDown();
            throw new IllegalStateException("a book could not be folded");
        };

        assertThatThrownBy(() -> ProjectionRebuilds.inParallel(List.of(first, failing), executor))
                .isInstanceOf(IllegalStateException.class).hasMessage("a book could not be folded");
        assertThat(otherEnded).isTrue();
    }

    @Test
    void theFirstGroupsFailureIsThrownAfterTheOthersEnded() {
        AtomicBoolean otherEnded = new AtomicBoolean();
        CountDownLatch release = new CountDownLatch(1);
        Callable<Void> failing = () -> {
            release.countDown();
            throw new IllegalArgumentException("first group failed");
        };
        Callable<Void> slow = () -> {
            assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            otherEnded.set(true);
            return null;
        };

        assertThatThrownBy(() -> ProjectionRebuilds.inParallel(List.of(failing, slow), executor))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(otherEnded).isTrue();
    }
}
