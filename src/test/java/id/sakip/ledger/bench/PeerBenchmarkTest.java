package id.sakip.ledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The peer benchmark's harness at tiny sizes: what it stores, what it checks, and how it summarises rounds. */
class PeerBenchmarkTest {

    @TempDir
    Path work;

    private static final PeerBenchmark.Sizes TINY = new PeerBenchmark.Sizes(32, 12, 1_000, 50, 20, 1, 0);

    @Test
    @SuppressWarnings("unchecked")
    void oursAndAxonsJdbcEngineOnH2GiveEveryFigureOfResultsJsonAndStoreEachRacedSequenceOnce() throws Exception {
        Map<String, Object> peers = new PeerBenchmark(TINY, work, Set.of("ledger", "h2Jdbc")).run();

        for (String peer : List.of("ledger", "h2Jdbc")) {
            Map<String, Object> f = (Map<String, Object>) peers.get(peer);
            assertThat(f).as(peer).doesNotContainKey("notRun");
            for (String figure : List.of("append1", "append4", "append16", "replay", "aggregate10kMs",
                    "append4P50Ms", "append4P99Ms")) {
                assertThat(((Number) f.get(figure)).doubleValue()).as(peer + " " + figure).isPositive();
            }
            assertThat(f.get("replayCapped")).as(peer + " read the whole store").isEqualTo(false);
            Map<String, Object> one = (Map<String, Object>) f.get("oneAggregate");
            assertThat(one.get("ok")).as(peer + " one aggregate " + one).isEqualTo(true);
            assertThat((Long) one.get("successes") + (Long) one.get("conflicts")).as(peer + " attempts")
                    .isEqualTo(12L);
        }
        Map<String, Object> ledger = (Map<String, Object>) peers.get("ledger");
        assertThat((Double) ledger.get("fsyncPerAppend1")).as("ours forces once per lone append").isGreaterThan(0.5);
        assertThat(((Map<String, Object>) peers.get("h2Jdbc")).get("fsyncPerAppend")).isEqualTo(0.0);
        assertThat(((Map<String, Object>) peers.get("postgresJdbc"))).isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aWarmUpRoundRunsTheWholeWorkloadButIsNotCounted() throws Exception {
        PeerBenchmark.Sizes oneWarmUp = new PeerBenchmark.Sizes(16, 8, 500, 10, 20, 1, 1);

        Map<String, Object> peers = new PeerBenchmark(oneWarmUp, work, Set.of("ledger")).run();

        Map<String, Object> ledger = (Map<String, Object>) peers.get("ledger");
        assertThat((List<?>) ledger.get("rounds")).as("rounds counted").hasSize(1);
        assertThat(((Map<String, Object>) peers.get("workload")).get("warmupRounds")).isEqualTo(1);
        assertThat(java.nio.file.Files.list(work).count()).as("stores opened, the warm-up's too").isEqualTo(2);
    }

    @Test
    void aRaceOnAnEngineThatTakesAnySequenceIsReportedAsDuplicatedSequences() throws Exception {
        InMemoryEventStorageEngine careless = new InMemoryEventStorageEngine() {
            @Override
            public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
                return Optional.empty();
            }
        };

        Map<String, Object> one = new PeerBenchmark(TINY, work, Set.of()).oneAggregate(careless, 1);

        assertThat(one.get("duplicateSequences")).isEqualTo(11);
        assertThat(one.get("ok")).isEqualTo(false);
    }

    @Test
    void theFiguresAreTheMediansOfTheRoundsWithTheirSpread() {
        Map<String, Object> oneAggregate = Map.of("successes", 3L, "conflicts", 1L, "errors", 0L,
                "duplicateSequences", 0L, "ok", true);
        List<Map<String, Object>> rounds = List.of(
                Map.of("append4", 100L, "aggregate10kMs", 30.0, "oneAggregate", oneAggregate),
                Map.of("append4", 300L, "aggregate10kMs", 10.0, "oneAggregate", oneAggregate),
                Map.of("append4", 110L, "aggregate10kMs", 20.0, "oneAggregate", oneAggregate));
        Map<String, Object> figures = new java.util.LinkedHashMap<>();

        PeerBenchmark.summarise(rounds, figures);

        assertThat(figures.get("append4")).isEqualTo(110L);
        assertThat(figures.get("aggregate10kMs")).isEqualTo(20.0);
        assertThat(((Map<?, ?>) figures.get("spread")).get("append4")).isEqualTo(List.of(100.0, 300.0));
        assertThat(((Map<?, ?>) figures.get("oneAggregate")).get("successes")).isEqualTo(9L);
    }
}
