package id.sakip.ledger.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * One standalone store and two ledger JVMs on it, with concurrent realisations on the same lines
 * through both: nothing lost or duplicated, the sequence gapless, no ceiling exceeded, the
 * projections' segments shared, and both instances answering the same report.
 */
class TwoInstancesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long LINE_AMOUNT = 2_000_000;

    @TempDir
    Path dir;

    @Test
    void twoInstancesShareOneStoreSafely() throws Exception {
        Path logs = Path.of("target", "two-instances");
        try (LedgerProcess store = LedgerProcess.store(dir.resolve("store"), logs.resolve("store.log"));
             LedgerProcess a = LedgerProcess.ledger("mongodb://127.0.0.1:" + store.port, dir.resolve("a"),
                     logs.resolve("ledger-a.log"));
             LedgerProcess b = LedgerProcess.ledger("mongodb://127.0.0.1:" + store.port, dir.resolve("b"),
                     logs.resolve("ledger-b.log"))) {
            a.awaitReady(Duration.ofSeconds(120));
            b.awaitReady(Duration.ofSeconds(120));
            String budget = "{\"fund\":\"APBD\",\"programs\":[{\"number\":1,\"name\":\"P\",\"activities\":[{\"number\":1,"
                    + "\"name\":\"K\",\"objective\":\"S1\",\"lines\":[" + line("1") + "," + line("2") + "," + line("3")
                    + "]}]}]}";
            assertThat(a.post("/api/v1/organisations/kec-two/budgets/2025", budget).statusCode()).isEqualTo(201);

            Map<String, AtomicLong> accepted = new ConcurrentHashMap<>();
            Set<String> acceptedDocuments = ConcurrentHashMap.newKeySet();
            AtomicLong refusedByCeiling = new AtomicLong();
            List<String> otherAnswers = java.util.Collections.synchronizedList(new ArrayList<>());
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                LedgerProcess target = c % 2 == 0 ? a : b;
                int client = c;
                futures.add(clients.submit(() -> {
                    for (int i = 0; i < 60; i++) {
                        String lineId = String.valueOf(1 + ThreadLocalRandom.current().nextInt(3));
                        long amount = 1 + ThreadLocalRandom.current().nextLong(60_000);
                        String document = "SP2D-" + client + "-" + i;
                        HttpResponse<String> r = target.post("/api/v1/organisations/kec-two/budgets/2025/realisations",
                                "{\"lineId\":\"" + lineId + "\",\"amount\":" + amount + ",\"date\":\"2025-03-01\","
                                        + "\"document\":\"" + document + "\"}");
                        if (r.statusCode() == 201) {
                            accepted.computeIfAbsent(lineId, k -> new AtomicLong()).addAndGet(amount);
                            acceptedDocuments.add(document);
                        } else if (r.body().contains("BUDGET_CEILING_EXCEEDED")) {
                            refusedByCeiling.incrementAndGet();
                        } else {
                            otherAnswers.add(r.statusCode() + " " + r.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(5, TimeUnit.MINUTES);
            }
            clients.shutdown();
            assertThat(otherAnswers).as("only ceiling refusals are expected").isEmpty();
            assertThat(acceptedDocuments).hasSizeGreaterThan(100);

            long expected = accepted.values().stream().mapToLong(AtomicLong::get).sum();
            for (LedgerProcess ledger : List.of(b, a)) {
                HttpResponse<String> read = ledger.get("/api/v1/organisations/kec-two/reports/budget-realisation"
                        + "?year=2025");
                assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
                assertThat(read.headers().firstValue("Ledger-Position")).isPresent();
                long realised = JSON.readTree(read.body()).get("total").get("realised").asLong();
                assertThat(realised)
                        .as("a read at once shows every realisation acknowledged by either instance")
                        .isEqualTo(expected);
            }

            Map<String, Object> reportA = awaitReport(a, accepted);
            Map<String, Object> reportB = awaitReport(b, accepted);
            assertThat(reportB).as("both instances answer the same report").isEqualTo(reportA);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> lines = (List<Map<String, Object>>) reportA.get("lines");
            for (Map<String, Object> l : lines) {
                long realised = ((Number) l.get("realised")).longValue();
                assertThat(realised).as("line %s: every accepted realisation counted exactly once", l.get("lineId"))
                        .isEqualTo(accepted.getOrDefault((String) l.get("lineId"), new AtomicLong()).get());
                assertThat(realised).isLessThanOrEqualTo(LINE_AMOUNT);
            }

            Map<String, Object> verify = JSON.readValue(a.get("/api/v1/audit/verify").body(), new TypeReference<>() {
            });
            assertThat(verify).containsEntry("verified", true);
            List<String> recorded = b.recordedDocuments("kec-two");
            assertThat(recorded).as("no entry duplicated").doesNotHaveDuplicates();
            assertThat(Set.copyOf(recorded)).as("no acknowledged entry lost").isEqualTo(acceptedDocuments);

            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + store.port)) {
                Set<String> owners = Awaitility.await("segments shared").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500)).until(() -> ownersOf(client), o -> o.size() == 2);
                assertThat(owners).as("the two segments of budget-books are shared by the instances").hasSize(2);
            }
            long slowest = 0;
            for (int round = 0; round < 5; round++) {
                String org = "kec-two-" + round;
                assertThat(a.post("/api/v1/organisations/" + org + "/budgets/2026", budget).statusCode()).isEqualTo(201);
                for (LedgerProcess ledger : List.of(b, a)) {
                    long started = System.nanoTime();
                    HttpResponse<String> read = ledger.get("/api/v1/organisations/" + org
                            + "/reports/budget-realisation?year=2026");
                    slowest = Math.max(slowest, System.nanoTime() - started);
                    assertThat(read.statusCode()).as("a budget just adopted on the other instance: " + read.body())
                            .isEqualTo(200);
                }
            }
            assertThat(Duration.ofNanos(slowest)).as("the slowest read waiting for a segment of the other instance")
                    .isLessThan(Duration.ofMillis(2500));
            for (LedgerProcess ledger : List.of(a, b)) {
                Awaitility.await("ready with each processing one segment of budget-books").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> ledger.get("/actuator/health/readiness").statusCode() == 200);
            }
            System.out.printf("two instances: %d realisations accepted, %d refused by the ceiling%n",
                    acceptedDocuments.size(), refusedByCeiling.get());
        }
    }

    private static String line(String id) {
        return "{\"lineId\":\"" + id + "\",\"number\":" + id + ",\"name\":\"L" + id + "\",\"economicClass\":\"barang_jasa\","
                + "\"amount\":" + LINE_AMOUNT + "}";
    }

    private static Set<String> ownersOf(MongoClient client) {
        Set<String> owners = new java.util.HashSet<>();
        for (Document t : client.getDatabase("ledger").getCollection("tokens")
                .find(new Document("processor", "budget-books"))) {
            if (t.getString("owner") != null) {
                owners.add(t.getString("owner"));
            }
        }
        return owners;
    }

    private static Map<String, Object> awaitReport(LedgerProcess ledger, Map<String, AtomicLong> accepted) {
        long expected = accepted.values().stream().mapToLong(AtomicLong::get).sum();
        return Awaitility.await("report shows " + expected + " realised").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> JSON.readValue(ledger.get("/api/v1/organisations/kec-two/reports/budget-realisation"
                                + "?year=2025").body(), new TypeReference<Map<String, Object>>() {
                        }),
                        report -> report.get("total") instanceof Map<?, ?> t
                                && ((Number) t.get("realised")).longValue() == expected);
    }
}
