package id.sakip.ledger.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.yaml.snakeyaml.Yaml;

import id.sakip.ledger.LedgerApiTest;

/**
 * The real data: importing the 2023 LKjIP of Kecamatan Jiken reproduces Table 3.9 from the events,
 * line by line, with totals computed from the lines.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JikenBudgetImportTest extends LedgerApiTest {

    private static List<Map<String, Object>> yamlLines;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readTheFileIndependently() {
        Map<String, Object> root = new Yaml().load(new String(jikenYaml(), java.nio.charset.StandardCharsets.UTF_8));
        yamlLines = new ArrayList<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) ((Map<String, Object>) root.get("budget")).get("programs")) {
            for (Map<String, Object> a : (List<Map<String, Object>>) p.get("activities")) {
                yamlLines.addAll((List<Map<String, Object>>) a.get("sub_activities"));
            }
        }
    }

    private ResponseEntity<Map<String, Object>> importJiken(boolean dryRun) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        return post("/api/v1/imports/lkjip" + (dryRun ? "?dryRun=true" : ""), jikenYaml(), headers);
    }

    @org.springframework.beans.factory.annotation.Autowired
    id.sakip.ledger.eventstore.CommitLog log;

    @Test
    @Order(1)
    void aPreviewRecordsNothing() {
        long head = log.headSequence();
        ResponseEntity<Map<String, Object>> preview = importJiken(true);
        assertThat(log.headSequence()).as("nothing appended by a preview").isEqualTo(head);
        assertThat(preview.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(preview.getBody()).containsEntry("dryRun", true).containsEntry("eventsAppended", 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) preview.getBody().get("summary");
        assertThat(summary).containsEntry("lines", 29).containsEntry("budgetTotal", 1_923_000_000)
                .containsEntry("realisedTotal", 1_849_985_878);
    }

    @Test
    @Order(2)
    void importingReproducesTable39FromTheEvents() {
        ResponseEntity<Map<String, Object>> imported = importJiken(false);
        assertThat(imported.getStatusCode().is2xxSuccessful()).as(String.valueOf(imported.getBody())).isTrue();
        if (imported.getStatusCode() == HttpStatus.CREATED) {
            assertThat(((Number) imported.getBody().get("eventsAppended")).longValue()).isGreaterThan(25);
        }
        awaitProjections();

        Map<String, Object> report = get("/api/v1/organisations/kec-jiken/reports/budget-realisation?year=2023")
                .getBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) report.get("lines");
        assertThat(lines).hasSize(29);
        for (Map<String, Object> expected : yamlLines) {
            String lineId = expected.get("number").toString();
            Map<String, Object> row = lines.stream().filter(l -> lineId.equals(l.get("lineId"))).findFirst()
                    .orElseThrow();
            long budget = ((Number) expected.get("budget")).longValue();
            long realised = ((Number) expected.get("realised")).longValue();
            assertThat(((Number) row.get("budget")).longValue()).as("budget of line %s", lineId).isEqualTo(budget);
            assertThat(((Number) row.get("realised")).longValue()).as("realised of line %s", lineId).isEqualTo(realised);
            assertThat(((Number) row.get("remaining")).longValue()).as("remaining of line %s", lineId)
                    .isEqualTo(budget - realised);
            assertThat(row.get("name")).isEqualTo(expected.get("name"));
        }
        Map<String, Object> line9 = lines.stream().filter(l -> "9".equals(l.get("lineId"))).findFirst().orElseThrow();
        assertThat(new BigDecimal(line9.get("absorptionPercent").toString())).isEqualByComparingTo("83.33");
        Map<String, Object> line11 = lines.stream().filter(l -> "11".equals(l.get("lineId"))).findFirst().orElseThrow();
        assertThat(line11.get("absorptionPercent")).as("no absorption when the budget is 0").isNull();

        @SuppressWarnings("unchecked")
        Map<String, Object> total = (Map<String, Object>) report.get("total");
        assertThat(total).containsEntry("budget", 1_923_000_000).containsEntry("realised", 1_849_985_878)
                .containsEntry("remaining", 73_014_122);
        assertThat(new BigDecimal(total.get("absorptionPercent").toString())).isEqualByComparingTo("96.20");
        String raw = http.getForObject("/api/v1/organisations/kec-jiken/reports/budget-realisation?year=2023",
                String.class);
        assertThat(raw).as("percentages are JSON numbers with 2 decimals")
                .contains("\"remaining\":73014122,\"absorptionPercent\":96.20}")
                .contains("\"absorptionPercent\":100.00");

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> objectives = (List<Map<String, Object>>) report.get("objectives");
        Map<String, Object> s1 = objectives.stream().filter(o -> "S1".equals(o.get("id"))).findFirst().orElseThrow();
        assertThat(s1).containsEntry("budget", 1_775_815_000).containsEntry("realised", 1_703_546_918);
        assertThat(new BigDecimal(s1.get("absorptionPercent").toString())).isEqualByComparingTo("95.93");
        Map<String, Object> s2 = objectives.stream().filter(o -> "S2".equals(o.get("id"))).findFirst().orElseThrow();
        assertThat(s2).containsEntry("budget", 147_185_000).containsEntry("realised", 146_438_960);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> classes = (List<Map<String, Object>>) report.get("classes");
        assertThat(classes).extracting(c -> c.get("id"), c -> c.get("budget")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("pegawai", 1_452_600_000),
                org.assertj.core.groups.Tuple.tuple("barang_jasa", 440_900_000),
                org.assertj.core.groups.Tuple.tuple("modal", 29_500_000));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> programs = (List<Map<String, Object>>) report.get("programs");
        assertThat(programs).extracting(p -> p.get("budget")).containsExactly(1_759_515_000, 32_950_000, 87_635_000,
                16_350_000, 20_600_000, 5_950_000);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> monthly = (List<Map<String, Object>>) report.get("monthly");
        assertThat(monthly).hasSize(12);
        assertThat(monthly.get(10)).containsEntry("cumulativeRealised", 0);
        assertThat(monthly.get(11)).containsEntry("cumulativeRealised", 1_849_985_878);
    }

    @Test
    @Order(3)
    void aFreshImportRecordsEveryFactAsItsOwnEvent() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        byte[] copy = new String(jikenYaml(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("id: kec-jiken", "id: kec-jiken-copy").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ResponseEntity<Map<String, Object>> r = post("/api/v1/imports/lkjip", copy, headers);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        // organisation 1 + budget 1 + 27 realisation entries (lines 11 and 18 realised nothing)
        // + Renstra 1 + 11 targets + 6 realisations + printed report 1
        assertThat(r.getBody()).containsEntry("eventsAppended", 48).containsEntry("alreadyImported", false);
    }

    @Test
    @Order(4)
    void importingTheSameFileAgainAppendsNothingAndSaysSo() {
        ResponseEntity<Map<String, Object>> again = importJiken(false);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("alreadyImported", true).containsEntry("eventsAppended", 0);
        assertThat(again.getBody().get("message").toString()).contains("nothing was appended");
    }

    @Test
    @Order(5)
    void theOrganisationIsListed() {
        awaitProjections();
        ResponseEntity<List<Map<String, Object>>> organisations = http.exchange("/api/v1/organisations",
                org.springframework.http.HttpMethod.GET, null,
                new org.springframework.core.ParameterizedTypeReference<>() {
                });
        assertThat(organisations.getBody()).anySatisfy(o -> assertThat(o).containsEntry("organisationId", "kec-jiken")
                .containsEntry("name", "Kecamatan Jiken"));
    }

    @Test
    @Order(6)
    void anInvalidFileIsRejectedWholeWithEveryProblemAndItsPath() {
        String yaml = new String(jikenYaml(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("id: kec-jiken", "id: kec-broken")
                .replace("budget: 3600000, realised: 3600000", "budget: -5, realised: 3600000")
                .replace("class: modal, indicator: Jumlah peralatan rumah tangga", "class: tanah, indicator: Jumlah peralatan rumah tangga")
                .replace("realisations: {2021: 67.45", "realisations: {2019: 67.45");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        ResponseEntity<Map<String, Object>> refused = post("/api/v1/imports/lkjip", yaml.getBytes(
                java.nio.charset.StandardCharsets.UTF_8), headers);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> problems = (List<Map<String, Object>>) ((Map<String, Object>) refused.getBody()
                .get("details")).get("problems");
        assertThat(problems).extracting(p -> p.get("path")).contains(
                "budget.programs[0].activities[0].sub_activities[0].budget",
                "budget.programs[0].activities[2].sub_activities[2].class",
                "strategic_plan.goals[0].objectives[0].indicators[0].realisations.2019");
        assertThat(get("/api/v1/organisations/kec-broken/reports/budget-realisation?year=2023").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
