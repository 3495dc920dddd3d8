package id.sakip.ledger.organisation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import id.sakip.ledger.LedgerApiTest;
import id.sakip.ledger.shared.LedgerClock;
import id.sakip.ledger.web.PageSession;

/**
 * A new Camat signs Jiken's reports from the day he takes office: a planner of the organisation or an admin
 * records him with a reason and a legal basis, the audit trail says who and why, and a report as of a day
 * before is still signed by the Camat in office then.
 */
class SignatoryApiTest extends LedgerApiTest {

    private static final String ORG = "kec-ganti";
    private static final String DECREE = "Keputusan Bupati Blora Nomor 821.2/15/2024";

    /** Jiken's file as organisation {@code org}, signed by Budi Santoso; each test has an organisation of its own. */
    private void importWithBudi(String org) {
        String yaml = new String(jikenYaml(), StandardCharsets.UTF_8).replace("id: kec-jiken", "id: " + org)
                .replace("  head: Camat\n", "  head: Camat\n  head_name: Budi Santoso, S.Sos\n"
                        + "  head_nip: 19700101 199503 1 001\n  report_place: Jiken\n");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        assertThat(post("/api/v1/imports/lkjip", yaml.getBytes(StandardCharsets.UTF_8), headers).getStatusCode()
                .is2xxSuccessful()).isTrue();
    }

    private void user(String name, String role, String organisation) {
        post("/api/v1/users", Map.of("username", name, "password", name + "-password-1", "roles",
                List.of(Map.of("role", role, "organisation", organisation))));
    }

    private TestRestTemplate as(String name) {
        return anonymous.withBasicAuth(name, name + "-password-1");
    }

    private static String path(String org) {
        return "/api/v1/organisations/" + org + "/signatory";
    }

    private static ResponseEntity<Map<String, Object>> put(TestRestTemplate as, String org, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as.exchange(path(org), HttpMethod.PUT, new HttpEntity<>(body, headers), JSON);
    }

    private static Map<String, Object> siti(LocalDate from) {
        return Map.of("headName", "Siti Aminah, S.IP", "headNip", "19750505 200003 2 002",
                "effectiveDate", from.toString(), "reason", "Mutasi jabatan", "legalBasis", DECREE);
    }

    private static String lastPage(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        String text = new PdfTextExtractor(reader).getTextFromPage(reader.getNumberOfPages()).replaceAll("\\s+", " ");
        reader.close();
        return text;
    }

    private byte[] pdf(Instant asOf) {
        ResponseEntity<byte[]> r = http.exchange("/api/v1/organisations/" + ORG + "/reports/budget-realisation"
                + "?year=2023&format=pdf" + (asOf == null ? "" : "&asOf=" + asOf), HttpMethod.GET, null, byte[].class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    private byte[] xlsx(Instant asOf) {
        ResponseEntity<byte[]> r = http.exchange("/api/v1/organisations/" + ORG + "/reports/budget-realisation"
                + "?year=2023&format=xlsx" + (asOf == null ? "" : "&asOf=" + asOf), HttpMethod.GET, null, byte[].class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    /**
     * Every text cell of the workbook's last printed sheet, the one that ends with the signature, in reading
     * order; the machine-readable "Rincian DPA" sheet after it is for importing back, not for signing.
     */
    private static List<String> lastSheetText(byte[] workbook) throws IOException {
        List<String> text = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            int signed = book.getNumberOfSheets() - 1;
            while (signed > 0 && book.getSheetName(signed).startsWith("Rincian DPA")) {
                signed--;
            }
            for (Row row : book.getSheetAt(signed)) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING) {
                        text.add(cell.getStringCellValue());
                    }
                }
            }
        }
        return text;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNewCamatSignsFromHisFirstDayAndAReportOfTheDayBeforeIsSignedByTheCamatThen() throws IOException {
        importWithBudi(ORG);
        user("perencana-ganti", "PLANNER", ORG);
        user("perencana-lain", "PLANNER", "kec-jiken");
        user("bendahara-ganti", "TREASURER", ORG);
        awaitProjections();
        clock.advanceSeconds(60);
        Instant whileBudi = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        clock.advanceSeconds(2 * 86_400L);
        LocalDate firstDay = LedgerClock.today(clock);

        assertThat(put(as("perencana-lain"), ORG, siti(firstDay)).getStatusCode()).as("a planner of another OPD")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put(as("bendahara-ganti"), ORG, siti(firstDay)).getStatusCode()).as("a treasurer")
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> changed = put(as("perencana-ganti"), ORG, siti(firstDay));
        assertThat(changed.getStatusCode()).as(String.valueOf(changed.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(changed.getBody()).containsEntry("status", "CHANGED").containsEntry("effectiveDate",
                firstDay.toString());
        awaitProjections();

        List<Map<String, Object>> history = (List<Map<String, Object>>) (List<?>) http.exchange(path(ORG), HttpMethod.GET,
                null, List.class).getBody();
        assertThat(history).extracting(s -> s.get("headName")).containsExactly("Budi Santoso, S.Sos",
                "Siti Aminah, S.IP");
        assertThat(history.get(1)).containsEntry("head", "Camat").containsEntry("reportPlace", "Jiken")
                .containsEntry("from", firstDay.toString()).containsEntry("legalBasis", DECREE);

        assertThat(lastPage(pdf(whileBudi))).as("the report as of a day Budi was in office")
                .contains("Camat Jiken", "Budi Santoso, S.Sos", "NIP. 19700101 199503 1 001")
                .doesNotContain("Siti Aminah");
        assertThat(lastPage(pdf(null))).as("the report of the ledger as it stands")
                .contains("Jiken, ", "Camat Jiken", "Siti Aminah, S.IP", "NIP. 19750505 200003 2 002")
                .doesNotContain("Budi Santoso");
        assertThat(lastSheetText(xlsx(whileBudi))).as("the workbook as of a day Budi was in office")
                .contains("Camat Jiken", "Budi Santoso, S.Sos", "NIP. 19700101 199503 1 001")
                .doesNotContain("Siti Aminah, S.IP");
        assertThat(lastSheetText(xlsx(null))).contains("Siti Aminah, S.IP", "NIP. 19750505 200003 2 002");

        List<Map<String, Object>> events = (List<Map<String, Object>>) get("/api/v1/organisations/" + ORG
                + "/audit/events?type=SignatoryChanged").getBody().get("events");
        assertThat(events).singleElement().satisfies(e -> assertThat(e).containsEntry("actorId", "perencana-ganti")
                .containsEntry("reason", "Mutasi jabatan").containsEntry("legalBasis", DECREE));
        String trail = PageSession.signIn(anonymous, "admin", ADMIN_PASSWORD).asBrowser()
                .get("/org/" + ORG + "/audit?jenis=penandatangan", String.class).getBody();
        assertThat(trail).contains("Penandatangan laporan diganti: Camat Siti Aminah, S.IP (NIP 19750505 200003 2 002)",
                "perencana-ganti", "Mutasi jabatan", DECREE);
    }

    @Test
    void aChangeTheLedgerCannotTakeIsAProblemWithItsCode() {
        String org = "kec-ganti-tolak";
        importWithBudi(org);
        awaitProjections();
        LocalDate today = LedgerClock.today(clock);
        Map<String, Object> badNip = new java.util.HashMap<>(siti(today));
        badNip.put("headNip", "1975-05-05");
        assertProblem(put(http, org, badNip), HttpStatus.UNPROCESSABLE_ENTITY, "INVALID_NIP");
        Map<String, Object> noBasis = new java.util.HashMap<>(siti(today));
        noBasis.remove("legalBasis");
        assertProblem(put(http, org, noBasis), HttpStatus.UNPROCESSABLE_ENTITY, "REQUIRED");
        assertProblem(put(http, org, Map.of("headName", "Budi Santoso, S.Sos", "headNip", "19700101 199503 1 001",
                "effectiveDate", today.toString(), "reason", "Ulang", "legalBasis", DECREE)), HttpStatus.CONFLICT,
                "SIGNATORY_UNCHANGED");
        Map<String, Object> notADate = new java.util.HashMap<>(siti(today));
        notADate.put("effectiveDate", "kemarin");
        ResponseEntity<Map<String, Object>> unreadable = put(http, org, notADate);
        assertThat(unreadable.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unreadable.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    private static void assertProblem(ResponseEntity<Map<String, Object>> r, HttpStatus status, String code) {
        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(status);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(r.getBody()).containsEntry("code", code);
    }

    @Test
    void aPlannerChangesTheSignerOnThePageAndARefusalSaysWhyInIndonesian() {
        String org = "kec-ganti-halaman";
        importWithBudi(org);
        user("perencana-halaman", "PLANNER", org);
        awaitProjections();
        PageSession planner = PageSession.signIn(anonymous, "perencana-halaman", "perencana-halaman-password-1");
        String page = planner.get("/org/" + org + "/penandatangan", String.class).getBody();
        assertThat(page).contains("Penandatangan laporan", "Budi Santoso, S.Sos", "menjabat hari ini",
                "Catat penggantian");

        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("head", "Camat");
        form.add("headName", "Budi Santoso, S.Sos");
        form.add("headNip", "19700101 199503 1 001");
        form.add("reportPlace", "Jiken");
        form.add("effectiveDate", LedgerClock.today(clock).plusDays(30).toString());
        form.add("reason", "Tidak ada");
        form.add("legalBasis", DECREE);
        ResponseEntity<String> refused = planner.postForm("/org/" + org + "/penandatangan", page, form,
                MediaType.APPLICATION_FORM_URLENCODED);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(refused.getBody()).contains("id=\"signatory-refusal\"", "tidak ada yang berubah",
                "value=\"Tidak ada\"");

        form.set("headName", "Ahmad Fauzi, S.STP");
        form.set("headNip", "19800202 200501 1 003");
        form.set("reason", "Pelantikan Camat baru");
        ResponseEntity<String> recorded = planner.postForm("/org/" + org + "/penandatangan", refused.getBody(), form,
                MediaType.APPLICATION_FORM_URLENCODED);
        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        awaitProjections();
        String after = planner.get(recorded.getHeaders().getLocation().getPath() + "?diganti", String.class).getBody();
        assertThat(after).contains("Penggantian penandatangan telah dicatat", "Ahmad Fauzi, S.STP",
                "Pelantikan Camat baru", "Budi Santoso, S.Sos");
        List<String> rows = new ArrayList<>(List.of(after.split("<tr")));
        assertThat(rows.stream().filter(r -> r.contains("class=\"badge\">menjabat hari ini")).toList()).as("Budi is still in office "
                + "until Ahmad's first day").singleElement().satisfies(r -> assertThat(r).contains("Budi Santoso"));
    }

    private ResponseEntity<Map<String, Object>> importOrganisation(String org, String headName, String headNip) {
        String yaml = "organisation:\n  id: " + org + "\n  name: Kecamatan Jiken\n  kabupaten: Blora\n"
                + "  head: Camat\n  head_name: " + headName + "\n  head_nip: " + headNip + "\n  report_place: Jiken\n"
                + "strategic_plan:\n  id: renstra-2021-2026\n  period: {from: 2021, to: 2026}\n  goals:\n"
                + "    - id: T1\n      name: Pelayanan yang meningkat\n      objectives:\n        - id: S1\n"
                + "          name: Meningkatnya layanan\n          indicators:\n"
                + "            - {id: IKU-1, name: Indeks layanan, unit: indeks, direction: higher_is_better}\n";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        ResponseEntity<Map<String, Object>> r = post("/api/v1/imports/lkjip", yaml.getBytes(StandardCharsets.UTF_8),
                headers);
        assertThat(r.getStatusCode().is2xxSuccessful()).as(String.valueOf(r.getBody())).isTrue();
        return r;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFileNamingAnotherHeadForAnOrganisationInTheLedgerKeepsTheRecordedSignerAndSaysSo() {
        String org = "kec-ganti-impor";
        Map<String, Object> first = (Map<String, Object>) importOrganisation(org, "Budi Santoso, S.Sos",
                "19700101 199503 1 001").getBody().get("summary");
        assertThat(first).doesNotContainKeys("signatoryInFile", "signatoryKept");
        awaitProjections();

        Map<String, Object> other = (Map<String, Object>) importOrganisation(org, "Ahmad Fauzi, S.STP",
                "19800202 200501 1 003").getBody().get("summary");
        assertThat(other).containsEntry("signatoryInFile", "Ahmad Fauzi, S.STP")
                .containsEntry("signatoryKept", "Budi Santoso, S.Sos");
        awaitProjections();
        List<Map<String, Object>> history = (List<Map<String, Object>>) (List<?>) http.exchange(path(org),
                HttpMethod.GET, null, List.class).getBody();
        assertThat(history).extracting(s -> s.get("headName")).containsExactly("Budi Santoso, S.Sos");

        assertThat(put(http, org, Map.of("headName", "Ahmad Fauzi, S.STP", "headNip", "19800202 200501 1 003",
                "effectiveDate", LedgerClock.today(clock).toString(), "reason", "Pelantikan Camat baru",
                "legalBasis", DECREE)).getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> again = (Map<String, Object>) importOrganisation(org, "Ahmad Fauzi, S.STP",
                "19800202 200501 1 003").getBody().get("summary");
        assertThat(again).as("the file names the head now recorded").doesNotContainKeys("signatoryInFile",
                "signatoryKept");
    }
}
