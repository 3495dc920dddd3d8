package id.sakip.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

import id.sakip.ledger.LedgerApiTest;

/**
 * Every page a person opens answers HTML in Bahasa Indonesia: the working pages, the audit trail and
 * histories, and the error pages (403, 404, 400, CSRF) a browser meets, never Spring's Whitelabel page
 * or problem+json. A page fails on any word of {@link #ENGLISH} in its visible text.
 */
class PagesSpeakIndonesianTest extends LedgerApiTest {

    /** English words and codes that were seen where a user looks, and words no Indonesian sentence holds. */
    static final Pattern ENGLISH = Pattern.compile("(?i:\\b(the|must|is|are|not|found|of|for|as of|budget|"
            + "budgets|error|forbidden|denied|access|exceeds|whitelabel|realisation|recorded|reversed|amended|"
            + "adopted|defined|null|line|before|after|printed|table|page|unexpected|request|invalid|required|"
            + "unknown|failed|rebuilding|books|index|type)\\b)|\\b[A-Z][a-z]+[A-Z][a-z]+|\\b[A-Z]+_[A-Z_]+\\b"
            + "|\\{[a-zA-Z]+=|table_\\d");

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    /** The text a person sees: the page without tags, scripts, styles and attribute values. */
    static String visibleText(String html) {
        String text = html.replaceAll("(?is)<(script|style|head)[^>]*>.*?</\\1>", " ")
                .replaceAll("(?s)<[^>]+>", " ");
        return HtmlUtils.htmlUnescape(text).replaceAll("\\s+", " ").strip();
    }

    static List<String> englishIn(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = ENGLISH.matcher(text);
        while (m.find()) {
            int from = Math.max(0, m.start() - 40);
            found.add(m.group() + "  «" + text.substring(from, Math.min(text.length(), m.end() + 40)) + "»");
        }
        return found;
    }

    private static void assertIndonesianPage(String path, ResponseEntity<String> page, int status) {
        SoftAssertions.assertSoftly(soft -> assertIndonesianPage(soft, path, page, status));
    }

    private static void assertIndonesianPage(SoftAssertions soft, String path, ResponseEntity<String> page,
                                             int status) {
        soft.assertThat(page.getStatusCode().value()).as("status of %s", path).isEqualTo(status);
        MediaType type = page.getHeaders().getContentType();
        soft.assertThat(type != null && type.isCompatibleWith(MediaType.TEXT_HTML))
                .as("%s answers HTML to a browser, not %s", path, type).isTrue();
        soft.assertThat(page.getBody()).as("body of %s", path).contains("lang=\"id\"");
        soft.assertThat(englishIn(visibleText(page.getBody() == null ? "" : page.getBody()))).as("English on %s", path)
                .isEmpty();
    }

    @Test
    void theScannerFindsTheEnglishThatWasSeen() {
        for (String seen : List.of("BudgetAdopted", "REALISATION_RECORDED", "TARGET_AMENDED",
                "{entryId=abc, amount=1500000}", "must not be negative", "realised Rp 5 exceeds the line's budget",
                "No budget of kec-jiken for 2023 as of 2026-12-01T19:00:00Z", "table_3_9_budget_realisation",
                "before pegawai", "budget-books", "Whitelabel Error Page", "Forbidden")) {
            assertThat(englishIn(seen)).as(seen).isNotEmpty();
        }
        assertThat(englishIn("Realisasi Rp 1.500.000 dicatat pada baris 2 Penyediaan Gaji dan Tunjangan ASN, "
                + "SP2D-001, tanggal 20-11-2023 · Bendahara · Buku anggaran · LKjIP · SAKIP · DPA · XLSX")).isEmpty();
    }

    @Test
    void everyPageAndErrorPageAnswersABrowserInIndonesian() {
        postJikenImport();
        post("/api/v1/users", Map.of("username", "bendahara-bahasa", "password", "bendahara-bahasa-1", "roles",
                List.of(Map.of("role", "TREASURER", "organisation", "kec-jiken"))));
        awaitProjections();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) get(
                "/api/v1/organisations/kec-jiken/reports/budget-realisation?year=2023").getBody().get("lines");
        Object line = lines.get(1).get("lineId");

        Map<String, Integer> pages = new LinkedHashMap<>();
        pages.put("/", 200);
        pages.put("/org/kec-jiken/anggaran/2023", 200);
        pages.put("/org/kec-jiken/anggaran/2023/perubahan", 200);
        pages.put("/org/kec-jiken/anggaran/2019", 200);
        pages.put("/org/kec-jiken/renstra", 200);
        pages.put("/org/kec-jiken/laporan/2023", 200);
        pages.put("/org/kec-jiken/laporan/2023?asOf=2020-01-01T00:00", 200);
        pages.put("/org/kec-jiken/audit", 200);
        pages.put("/org/kec-jiken/audit?jenis=realisasi", 200);
        pages.put("/org/kec-jiken/audit?halaman=2", 200);
        pages.put("/org/kec-jiken/audit?jenis=xyz", 200);
        pages.put("/org/kec-jiken/audit/baris/" + line + "?tahun=2023", 200);
        pages.put("/org/kec-jiken/audit/baris/tidak-ada?tahun=2023", 200);
        pages.put("/org/kec-jiken/audit/indikator/IKU-1", 200);
        pages.put("/org/kec-jiken/penandatangan", 200);
        pages.put("/verifikasi", 200);
        pages.put("/impor", 200);
        pages.put("/admin/proyeksi", 200);
        pages.put("/halaman/yang/tidak/ada", 404);
        pages.put("/org/kec-jiken/anggaran/tahun-ini", 400);
        pages.put("/org/kec-jiken/laporan/2023/unduh?tabel=9.9&format=pdf", 422);
        pages.put("/org/kec-jiken/laporan/2023?asOf=kemarin", 422);
        PageSession admin = PageSession.signIn(anonymous, "admin", ADMIN_PASSWORD).asBrowser();
        SoftAssertions.assertSoftly(soft -> pages.forEach((path, status) -> assertIndonesianPage(soft, path,
                admin.get(path, String.class), status)));

        PageSession treasurer = PageSession.signIn(anonymous, "bendahara-bahasa", "bendahara-bahasa-1").asBrowser();
        for (String path : List.of("/admin/proyeksi", "/impor", "/org/kec-lain/anggaran/2023")) {
            ResponseEntity<String> refused = treasurer.get(path, String.class);
            assertIndonesianPage(path, refused, 403);
            assertThat(visibleText(refused.getBody())).contains("Akses ditolak");
        }

        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, BROWSER);
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> csrf = anonymous.exchange("/org/kec-jiken/anggaran/2023/realisasi", HttpMethod.POST,
                new HttpEntity<>("lineId=1&amount=1", headers), String.class);
        assertIndonesianPage("a form without its CSRF token", csrf, 403);
    }

    @Test
    void apiClientsStillGetProblemJsonForTheSameRefusals() {
        PageSession admin = PageSession.signIn(anonymous, "admin", ADMIN_PASSWORD);
        ResponseEntity<String> unknown = admin.get("/org/kec-jiken/laporan/2023/unduh?tabel=9.9&format=pdf",
                String.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(422);
        assertThat(unknown.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(get("/api/v1/organisations/kec-jiken/nothing-here").getHeaders().getContentType().toString())
                .doesNotContain("text/html");
    }
}
