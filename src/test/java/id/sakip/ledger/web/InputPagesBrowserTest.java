package id.sakip.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;


/**
 * The input pages added for everyday work, driven in Debian's headless Chromium: a planner records an
 * indicator's realisation, previews an SKM survey's index before recording it, records a SAKIP evaluation,
 * and reads each refusal in Indonesian. Screenshots go to {@code target/screenshots/}.
 */
@EnabledIf("id.sakip.ledger.web.Chromium#installed")
class InputPagesBrowserTest extends BrowserTest {



    @BeforeAll
    static void startBrowser() {
        openBrowser(1280);
    }

    private void screenshot(String name) throws Exception {
        Chromium.screenshot(browser, name);
    }

    private void signIn(String user, String password) {
        Chromium.signIn(browser, "http://localhost:" + port, user, password);
    }

    private void submit(By element) {
        Chromium.submit(browser, element);
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private long head() {
        return ((Number) get("/api/v1/audit/verify").getBody().get("headSequence")).longValue();
    }

    private void importOrganisation(String org) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        post("/api/v1/imports/lkjip", new String(jikenYaml(), StandardCharsets.UTF_8).replace("id: kec-jiken",
                "id: " + org).getBytes(StandardCharsets.UTF_8), headers);
    }

    @Test
    void aPlannerRecordsAnIndicatorsRealisationAnSkmSurveyAfterItsPreviewAndASakipEvaluation() throws Exception {
        importOrganisation("kec-capaian");
        post("/api/v1/users", Map.of("username", "perencana-capaian", "password", "perencana-capaian-1", "roles",
                List.of(Map.of("role", "PLANNER", "organisation", "kec-capaian"))));
        awaitProjections();
        signIn("perencana-capaian", "perencana-capaian-1");

        browser.get("http://localhost:" + port + "/org/kec-capaian/renstra?tahun=2024");
        submit(By.id("input-IKU-1"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("IKU-1");
        type("realisation-value", "sepuluh");
        submit(By.id("record-realisation"));
        assertThat(browser.findElement(By.id("indicator-refusal")).getText()).contains("harus angka");
        type("realisation-value", "74,10");
        type("realisation-source", "LHE SAKIP Inspektorat 2024");
        type("realisation-evidence", "LHE-700/45/2024");
        submit(By.id("record-realisation"));
        assertThat(browser.findElement(By.id("indicator-message")).getText()).contains("Realisasi IKU-1 tahun 2024 dicatat");
        assertThat(browser.findElement(By.cssSelector("[data-realisation='2024']")).getText()).isEqualTo("74,10");

        type("sakip-perencanaan", "26,5");
        type("sakip-pengukuran", "24");
        type("sakip-pelaporan", "12");
        type("sakip-evaluasi", "40");
        submit(By.id("record-sakip"));
        assertThat(browser.findElement(By.id("indicator-refusal")).getText()).startsWith("Ditolak");
        type("sakip-perencanaan", "26,5");
        type("sakip-pengukuran", "24");
        type("sakip-pelaporan", "12");
        type("sakip-evaluasi", "10");
        submit(By.id("record-sakip"));
        assertThat(browser.findElement(By.id("indicator-message")).getText()).contains("nilai 72,50");
        assertThat(browser.findElement(By.id("assessments")).getText()).contains("SAKIP", "72,50");
        screenshot("planner-indicator-sakip");

        browser.get("http://localhost:" + port + "/org/kec-capaian/renstra/indikator/IKU-2?tahun=2024");
        type("survey-responses", "4 4 4 4 4 4 4 4 4\n3 3 3 3 5 3 3 3 3");
        submit(By.id("survey-preview-button"));
        assertThat(browser.findElement(By.id("indicator-refusal")).getText())
                .contains("baris 2", "nilai unsur adalah 1 sampai 4");
        type("survey-period", "Semester II");
        // the second respondent left the ninth element out: its NRR is 4, the others 3,5: (8 × 3,5 + 4) / 9 × 25
        type("survey-responses", "4 4 4 4 4 4 4 4 4\n3 3 3 3 3 3 3 3 -");
        long before = head();
        submit(By.id("survey-preview-button"));
        assertThat(browser.findElement(By.id("survey-preview")).getText()).contains("indeks SKM 88,89", "2 responden",
                "Belum dicatat");
        assertThat(head()).as("a preview records nothing").isEqualTo(before);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('survey-preview').scrollIntoView()");
        screenshot("planner-skm-preview");
        submit(By.id("survey-record"));
        assertThat(browser.findElement(By.id("indicator-message")).getText()).contains("Survei SKM dicatat: indeks 88,89");
        assertThat(head()).isGreaterThan(before);
        assertThat(browser.findElement(By.id("assessments")).getText()).contains("SKM", "88,89");
        screenshot("planner-skm-recorded");
    }

    @Test
    void anAdministratorCreatesAUserGrantsAndRevokesRolesResetsThePasswordAndDisablesTheAccount() throws Exception {
        importOrganisation("kec-pengguna");
        awaitProjections();
        signIn("admin", ADMIN_PASSWORD);
        browser.get("http://localhost:" + port + "/admin/pengguna");
        type("new-username", "staf-baru");
        type("new-password", "pendek");
        submit(By.id("create-user"));
        assertThat(browser.findElement(By.id("users-refusal")).getText()).contains("12 sampai 72 karakter");

        type("new-username", "staf-baru");
        type("new-password", "staf-baru-sandi-1");
        new Select(browser.findElement(By.id("new-role"))).selectByValue("TREASURER");
        new Select(browser.findElement(By.id("new-organisation"))).selectByValue("kec-pengguna");
        submit(By.id("create-user"));
        assertThat(browser.findElement(By.id("users-message")).getText()).contains("staf-baru dibuat sebagai Bendahara");
        assertThat(browser.findElement(By.id("roles-staf-baru")).getText()).contains("Bendahara · Kecamatan Jiken");

        new Select(browser.findElement(By.id("grant-role-staf-baru"))).selectByValue("AUDITOR");
        new Select(browser.findElement(By.id("grant-organisation-staf-baru"))).selectByValue("kec-pengguna");
        submit(By.id("grant-staf-baru"));
        assertThat(browser.findElement(By.id("roles-staf-baru")).getText()).contains("Auditor · Kecamatan Jiken");
        submit(By.id("revoke-staf-baru-TREASURER-kec-pengguna"));
        assertThat(browser.findElement(By.id("users-message")).getText()).contains("Bendahara dicabut");
        assertThat(browser.findElement(By.id("roles-staf-baru")).getText()).doesNotContain("Bendahara");
        submit(By.id("revoke-staf-baru-AUDITOR-kec-pengguna"));
        assertThat(browser.findElement(By.id("users-refusal")).getText()).contains("sedikitnya satu peran");
        new Select(browser.findElement(By.id("grant-role-staf-baru"))).selectByValue("AUDITOR");
        new Select(browser.findElement(By.id("grant-organisation-staf-baru"))).selectByValue("kab:blora");
        submit(By.id("grant-staf-baru"));
        assertThat(browser.findElement(By.id("roles-staf-baru")).getText())
                .contains("Auditor · Seluruh OPD Kabupaten Blora");
        screenshot("admin-users");

        type("password-staf-baru", "sandi-baru-staf-12");
        submit(By.id("reset-staf-baru"));
        assertThat(browser.findElement(By.id("users-message")).getText()).contains("Kata sandi staf-baru diganti");
        assertThat(anonymous.withBasicAuth("staf-baru", "sandi-baru-staf-12")
                .getForEntity("/api/v1/organisations", String.class).getStatusCode().is2xxSuccessful()).isTrue();

        type("reason-staf-baru", "Pindah tugas");
        submit(By.id("disable-staf-baru"));
        assertThat(browser.findElement(By.id("status-staf-baru")).getText()).isEqualTo("nonaktif");
        assertThat(anonymous.withBasicAuth("staf-baru", "sandi-baru-staf-12")
                .getForEntity("/api/v1/organisations", String.class).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void aReversedEntryShowsWhoReversedItAndWhyInsteadOfTheReverseButton() throws Exception {
        int year = java.time.LocalDate.now(id.sakip.ledger.shared.LedgerClock.WIB).getYear();
        post("/api/v1/organisations/kec-batal/budgets/" + year, oneLineBudget());
        post("/api/v1/organisations/kec-batal/budgets/" + year + "/realisations", Map.of("lineId", "1", "amount",
                250_000, "date", java.time.LocalDate.now(id.sakip.ledger.shared.LedgerClock.WIB).toString(),
                "document", "SP2D-0099", "description", "ATK"));
        awaitProjections();
        signIn("admin", ADMIN_PASSWORD);
        browser.get("http://localhost:" + port + "/org/kec-batal/audit/baris/1?tahun=" + year);
        assertThat(browser.findElements(By.className("reversed"))).isEmpty();
        browser.findElement(By.name("reason")).sendKeys("Nomor SP2D salah ketik");
        submit(By.xpath("//button[text()='Batalkan']"));
        assertThat(browser.findElement(By.className("reversed")).getText()).startsWith("dibatalkan oleh admin")
                .endsWith(": Nomor SP2D salah ketik");
        assertThat(browser.findElements(By.xpath("//button[text()='Batalkan']"))).as("no second reversal offered")
                .isEmpty();
        screenshot("line-history-reversed");
    }
}
