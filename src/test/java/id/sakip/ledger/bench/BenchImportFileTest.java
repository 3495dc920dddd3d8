package id.sakip.ledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import id.sakip.ledger.LedgerApiTest;

/** The bulk-import benchmark's generated LKjIP file is one the ledger imports whole, every line and realisation. */
class BenchImportFileTest extends LedgerApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void theGeneratedFileImportsEveryLineAndEveryRealisationOfItsBudget() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));

        ResponseEntity<Map<String, Object>> imported = post("/api/v1/imports/lkjip",
                ProductBenchmark.bigLkjip("bench-generated", 150, 2), headers);

        assertThat(imported.getStatusCode()).as(String.valueOf(imported.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(((Number) imported.getBody().get("eventsAppended")).longValue()).isGreaterThanOrEqualTo(301);
        awaitProjections();
        Map<String, Object> report = get("/api/v1/organisations/bench-generated/reports/budget-realisation?year=2025")
                .getBody();
        assertThat((List<Object>) report.get("lines")).hasSize(150);
        assertThat((List<Object>) report.get("activities")).hasSize(2);
        long realised = 0;
        for (int entry = 1; entry <= 300; entry++) {
            realised += 1_000 + entry;
        }
        assertThat(((Number) ((Map<String, Object>) report.get("total")).get("realised")).longValue())
                .isEqualTo(realised);
    }
}
