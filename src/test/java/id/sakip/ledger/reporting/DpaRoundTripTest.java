package id.sakip.ledger.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import id.sakip.ledger.LedgerApiTest;
import id.sakip.ledger.budget.api.BudgetId;
import id.sakip.ledger.budget.api.RealisationRecorded;
import id.sakip.ledger.eventstore.LedgerEventStorageEngine;
import id.sakip.ledger.eventstore.metadata.LedgerCommands;
import id.sakip.ledger.organisation.api.RegisterOrganisation;
import id.sakip.ledger.reporting.command.DpaWorkbook;

/**
 * The Table 3.9 workbook carries the whole DPA on its last sheet, "Rincian DPA": imported into another
 * organisation it gives the same budget tree (programs, kegiatan, sub kegiatan with sasaran, indicators,
 * amounts and realised totals), each realised total one recap dated at the end of the fiscal year; a
 * workbook whose Rincian sheet and Table 3.9 disagree is refused and records nothing.
 */
class DpaRoundTripTest extends LedgerApiTest {

    @Autowired
    LedgerCommands commands;
    @Autowired
    LedgerEventStorageEngine engine;

    private void register(String org) {
        if (engine.lastSequenceNumberFor(org).isEmpty()) {
            commands.send(new RegisterOrganisation(org, "Dinas Uji Pohon " + org, "Blora", "Jawa Tengah",
                    "Kepala Dinas", List.of()), new LedgerCommands.Context(org, null, null, null));
        }
    }

    private byte[] export39(String org, int year) {
        ResponseEntity<byte[]> r = http.exchange("/api/v1/organisations/" + org + "/reports/budget-realisation?year="
                + year + "&format=xlsx", HttpMethod.GET, null, byte[].class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    private Map<String, Object> tree(String org, int year) {
        ResponseEntity<Map<String, Object>> r = get("/api/v1/organisations/" + org + "/budgets/" + year);
        assertThat(r.getStatusCode()).as("tree of %s %s: %s", org, year, r.getBody()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    /**
     * The tree without what a DPA workbook does not carry: whose it is, fund, legal basis, adoption date,
     * amount history.
     */
    @SuppressWarnings("unchecked")
    private static Object comparable(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> kept = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (!List.of("organisationId", "fund", "legalBasis", "adoptedOn", "originalAmount").contains(k)) {
                    kept.put((String) k, comparable(v));
                }
            });
            return kept;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(DpaRoundTripTest::comparable).toList();
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Map<String, Object> tree) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) tree.get("programs")) {
            for (Map<String, Object> a : (List<Map<String, Object>>) p.get("activities")) {
                lines.addAll((List<Map<String, Object>>) a.get("lines"));
            }
        }
        return lines;
    }

    private List<RealisationRecorded> realisations(String org, int year) {
        List<RealisationRecorded> recorded = new ArrayList<>();
        engine.readEvents(BudgetId.of(org, year), 0).asStream().forEach(e -> {
            if (e.getPayload() instanceof RealisationRecorded r) {
                recorded.add(r);
            }
        });
        return recorded;
    }

    /** Exports {@code org}'s Table 3.9, imports it into {@code copy} (preview, then for real), and compares the trees. */
    private void roundTrip(String org, String copy, int year) {
        byte[] exported = export39(org, year);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            Sheet last = book.getSheetAt(book.getNumberOfSheets() - 1);
            assertThat(last.getSheetName()).isEqualTo("Rincian DPA " + year);
            Row header = last.getRow(3);
            List<String> headings = new ArrayList<>();
            header.forEach(c -> headings.add(c.getStringCellValue()));
            assertThat(headings).as("the DPA template's headings").isEqualTo(DpaWorkbook.LINE_HEADINGS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        register(copy);
        ResponseEntity<Map<String, Object>> preview = importDpa(copy, year, exported, true);
        assertThat(preview.getStatusCode()).as("%s", preview.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(engine.lastSequenceNumberFor(BudgetId.of(copy, year))).as("nothing recorded by the preview")
                .isEmpty();
        ResponseEntity<Map<String, Object>> imported = importDpa(copy, year, exported, false);
        assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.CREATED);
        awaitProjections();

        Map<String, Object> original = tree(org, year);
        Map<String, Object> roundTrip = tree(copy, year);
        assertThat(lines(roundTrip)).isNotEmpty();
        assertThat(comparable(roundTrip)).isEqualTo(comparable(original));

        List<RealisationRecorded> recaps = realisations(copy, year);
        List<Map<String, Object>> realised = lines(original).stream()
                .filter(l -> ((Number) l.get("realised")).longValue() > 0).toList();
        assertThat(recaps).as("one recap per line with a realised total").hasSize(realised.size());
        for (Map<String, Object> line : realised) {
            assertThat(recaps).filteredOn(r -> r.lineId().equals(line.get("lineId"))).singleElement()
                    .satisfies(r -> {
                        assertThat(r.valueDate()).isEqualTo(LocalDate.of(year, 12, 31));
                        assertThat(r.amount().value()).isEqualTo(((Number) line.get("realised")).longValue());
                        assertThat(r.document()).isEqualTo("REKAP-" + year + "-" + line.get("lineId"));
                    });
        }
    }

    @Test
    void jikenExportedAsTable39ImportsIntoANewOrganisationAsTheSameWholeTree() {
        postJikenImport();
        awaitProjections();
        roundTrip("kec-jiken", "kec-jiken-pohon", 2023);
        Map<String, Object> copy = tree("kec-jiken-pohon", 2023);
        assertThat(copy).containsEntry("amount", 1_923_000_000);
        @SuppressWarnings("unchecked")
        Map<String, Object> program = ((List<Map<String, Object>>) copy.get("programs")).get(0);
        assertThat(program.get("indicator")).isEqualTo(Map.of("name",
                "Persentase tercapainya program penunjang urusan pemerintahan daerah kabupaten/kota", "target", 100,
                "unit", "%"));
    }

    /** Two programs, three lines: one with two SP2D, one with one, one never realised; indicators at every level. */
    private static Map<String, Object> threeLines() {
        return Map.of("fund", "APBD", "legalBasis", "Perbup Uji 1/2023", "adoptedOn", "2023-01-02", "programs", List.of(
                Map.of("number", 1, "name", "Program Penunjang Urusan Pemerintahan Daerah",
                        "indicator", Map.of("name", "Persentase dukungan layanan", "target", 100, "unit", "%"),
                        "activities", List.of(Map.of("number", 1, "name", "Administrasi Keuangan", "objective", "S1",
                                "indicator", Map.of("name", "Persentase pemenuhan administrasi keuangan", "target",
                                        97.5, "unit", "%"),
                                "lines", List.of(
                                        Map.of("lineId", "1.01.01", "number", 1, "name", "Gaji dan Tunjangan ASN",
                                                "economicClass", "pegawai", "amount", 2_500_000,
                                                "indicator", Map.of("name", "Gaji terbayar", "target", 14,
                                                        "unit", "bulan")),
                                        Map.of("lineId", "1.01.02", "number", 2, "name", "Bahan Logistik Kantor",
                                                "economicClass", "barang_jasa", "objective", "S2", "amount", 4_000_000,
                                                "indicator", Map.of("name", "Logistik tersedia", "target", 2.5,
                                                        "unit", "paket")))))),
                Map.of("number", 2, "name", "Program Pelayanan Publik",
                        "activities", List.of(Map.of("number", 7, "name", "Perizinan", "objective", "S2",
                                "lines", List.of(Map.of("lineId", "2.07.01", "number", 3, "name",
                                        "Perizinan Non Usaha", "economicClass", "modal", "amount", 750_000)))))));
    }

    private void realise(String org, String lineId, long amount, String date, String document) {
        ResponseEntity<Map<String, Object>> r = post("/api/v1/organisations/" + org + "/budgets/2023/realisations",
                Map.of("lineId", lineId, "amount", amount, "date", date, "document", document, "description", "Uji"));
        assertThat(r.getStatusCode()).as("%s", r.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    private void threeLineBudget(String org) {
        register(org);
        if (engine.lastSequenceNumberFor(BudgetId.of(org, 2023)).isEmpty()) {
            ResponseEntity<Map<String, Object>> adopted = post("/api/v1/organisations/" + org + "/budgets/2023",
                    threeLines());
            assertThat(adopted.getStatusCode()).as("%s", adopted.getBody()).isEqualTo(HttpStatus.CREATED);
            realise(org, "1.01.01", 1_200_000, "2023-01-25", "SP2D 0001/LS/2023");
            realise(org, "1.01.01", 800_000, "2023-02-24", "SP2D 0002/LS/2023");
            realise(org, "1.01.02", 1_250_000, "2023-06-10", "SPJ 0003/2023");
        }
        awaitProjections();
    }

    @Test
    void aBudgetBuiltThroughTheApiRoundTripsWithItsTreeAndAZeroRealisationLine() {
        threeLineBudget("dinas-pohon-asal");
        roundTrip("dinas-pohon-asal", "dinas-pohon-salinan", 2023);
        Map<String, Object> copy = tree("dinas-pohon-salinan", 2023);
        assertThat(lines(copy)).extracting(l -> l.get("lineId"), l -> l.get("objective"), l -> l.get("realised"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1.01.01", "S1", 2_000_000),
                        org.assertj.core.groups.Tuple.tuple("1.01.02", "S2", 1_250_000),
                        org.assertj.core.groups.Tuple.tuple("2.07.01", "S2", 0));
        assertThat(copy).containsEntry("amount", 7_250_000).containsEntry("realised", 3_250_000);
        assertThat(realisations("dinas-pohon-salinan", 2023)).extracting(RealisationRecorded::lineId)
                .containsExactly("1.01.01", "1.01.02");

        ResponseEntity<String> csv = http.exchange("/api/v1/organisations/dinas-pohon-asal/reports/budget-realisation"
                + "?year=2023&format=csv", HttpMethod.GET, null, String.class);
        assertThat(csv.getBody()).as("the CSV is the printed tables only").contains("Tabel 3.9")
                .doesNotContain("Rincian DPA").doesNotContain("Indikator program");
        ResponseEntity<byte[]> template = http.exchange("/api/v1/imports/dpa/template?year=2023", HttpMethod.GET, null,
                byte[].class);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template.getBody()))) {
            List<String> headings = new ArrayList<>();
            book.getSheet("Anggaran").getRow(0).forEach(c -> headings.add(c.getStringCellValue()));
            assertThat(headings).as("the template's headings are the Rincian sheet's")
                    .isEqualTo(DpaWorkbook.LINE_HEADINGS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aBudgetWhoseNumberingRestartsInEachKegiatanRoundTripsByItsCodes() {
        String source = "dinas-nomor-ulang";
        register(source);
        if (engine.lastSequenceNumberFor(BudgetId.of(source, 2023)).isEmpty()) {
            Map<String, Object> budget = Map.of("fund", "APBD", "programs", List.of(
                    Map.of("number", 1, "name", "Program Penunjang", "activities", List.of(
                            Map.of("number", 1, "name", "Administrasi Keuangan", "objective", "S1", "lines", List.of(
                                    Map.of("lineId", "1.01.01", "number", 1, "name", "Gaji ASN",
                                            "economicClass", "pegawai", "amount", 2_000_000),
                                    Map.of("lineId", "1.01.02", "number", 2, "name", "Alat Tulis Kantor",
                                            "economicClass", "barang_jasa", "amount", 500_000))),
                            Map.of("number", 2, "name", "Administrasi Umum", "objective", "S1", "lines", List.of(
                                    Map.of("lineId", "1.02.01", "number", 1, "name", "Listrik dan Air",
                                            "economicClass", "barang_jasa", "amount", 900_000)))))));
            ResponseEntity<Map<String, Object>> adopted = post("/api/v1/organisations/" + source + "/budgets/2023", budget);
            assertThat(adopted.getStatusCode()).as("%s", adopted.getBody()).isEqualTo(HttpStatus.CREATED);
            realise(source, "1.01.01", 700_000, "2023-03-10", "SP2D 0010/LS/2023");
            realise(source, "1.02.01", 300_000, "2023-04-12", "SP2D 0011/LS/2023");
        }
        awaitProjections();

        roundTrip(source, "dinas-nomor-ulang-salinan", 2023);
        assertThat(lines(tree("dinas-nomor-ulang-salinan", 2023))).extracting(l -> l.get("lineId"), l -> l.get("number"),
                        l -> l.get("realised"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1.01.01", 1, 700_000),
                        org.assertj.core.groups.Tuple.tuple("1.01.02", 2, 0),
                        org.assertj.core.groups.Tuple.tuple("1.02.01", 1, 300_000));
    }

    /** The exported workbook with one cell changed: {@code sheet} from 0, {@code row} as Excel numbers it. */
    private static byte[] edited(byte[] workbook, int sheet, int row, int column, Consumer<Cell> edit) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            edit.accept(book.getSheetAt(sheet).getRow(row - 1).getCell(column));
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sheetName(byte[] workbook, int sheet) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            return book.getSheetName(sheet < 0 ? book.getNumberOfSheets() + sheet : sheet);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> problemTexts(ResponseEntity<Map<String, Object>> r) {
        Map<String, Object> details = (Map<String, Object>) r.getBody().get("details");
        assertThat(details).as("the problems listed in %s", r.getBody()).isNotNull();
        return ((List<Map<String, Object>>) details.get("problems")).stream().map(p -> (String) p.get("text"))
                .toList();
    }

    @Test
    void aWorkbookWhoseRincianSheetDisagreesWithTable39IsRefusedInIndonesianAndRecordsNothing() {
        threeLineBudget("dinas-pohon-asal");
        byte[] exported = export39("dinas-pohon-asal", 2023);
        String table = sheetName(exported, 0);
        String rincian = sheetName(exported, -1);
        int rincianIndex;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            rincianIndex = book.getNumberOfSheets() - 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] amountEdited = edited(exported, 0, 6, 4, c -> c.setCellValue(4_500_000d));
        byte[] realisedEdited = edited(exported, rincianIndex, 7, 9, c -> c.setCellValue(100_000d));
        String org = "dinas-pohon-tolak";
        register(org);
        long organisationEvents = engine.lastSequenceNumberFor(org).orElseThrow();

        for (boolean dryRun : List.of(true, false)) {
            ResponseEntity<Map<String, Object>> refused = importDpa(org, 2023, amountEdited, dryRun);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(refused.getBody()).containsEntry("code", "INVALID_WORKBOOK");
            assertThat(problemTexts(refused)).containsExactly("Sheet " + table + ", baris 6, kolom Anggaran (Rp): "
                    + "Rp 4.500.000 tidak sama dengan Rp 4.000.000 di sheet " + rincian
                    + " (baris 6, kolom Anggaran); perbaiki salah satunya");

            ResponseEntity<Map<String, Object>> alsoRefused = importDpa(org, 2023, realisedEdited, dryRun);
            assertThat(alsoRefused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(problemTexts(alsoRefused)).containsExactly("Sheet " + table + ", baris 7, kolom Realisasi (Rp): "
                    + "Rp 0 tidak sama dengan Rp 100.000 di sheet " + rincian
                    + " (baris 7, kolom Realisasi); perbaiki salah satunya");
        }
        assertThat(engine.lastSequenceNumberFor(org)).as("the organisation's events").hasValue(organisationEvents);
        assertThat(engine.lastSequenceNumberFor(BudgetId.of(org, 2023))).as("budget events").isEmpty();
        assertThat(get("/api/v1/organisations/" + org + "/budgets/2023").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
