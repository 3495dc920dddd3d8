package id.sakip.ledger.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import id.sakip.ledger.LedgerApiTest;
import id.sakip.ledger.budget.api.BudgetId;
import id.sakip.ledger.eventstore.LedgerEventStorageEngine;
import id.sakip.ledger.eventstore.metadata.LedgerCommands;
import id.sakip.ledger.organisation.api.RegisterOrganisation;
import id.sakip.ledger.shared.LedgerClock;
import id.sakip.ledger.web.PageSession;

/**
 * A DPA workbook imports as an organisation's budget through the LKjIP import's one-commit path: the
 * Table 3.9 export of Jiken imports back with the same lines, amounts and realised totals; every problem
 * is listed by sheet, row and column; a bad cell records nothing; the same figures import once.
 */
class DpaImportTest extends LedgerApiTest {

    @Autowired
    LedgerCommands commands;
    @Autowired
    LedgerEventStorageEngine engine;

    private void register(String org) {
        if (engine.lastSequenceNumberFor(org).isEmpty()) {
            commands.send(new RegisterOrganisation(org, "Dinas Uji DPA " + org, "Blora", "Jawa Tengah",
                    "Kepala Dinas", List.of()), new LedgerCommands.Context(org, null, null, null));
        }
    }

    private ResponseEntity<byte[]> download(String path) {
        return http.exchange(path, HttpMethod.GET, null, byte[].class);
    }

    private Map<String, Object> realisationReport(String org, int year) {
        ResponseEntity<Map<String, Object>> r = get("/api/v1/organisations/" + org
                + "/reports/budget-realisation?year=" + year);
        assertThat(r.getStatusCode()).as("report of %s %s: %s", org, year, r.getBody()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> problemTexts(ResponseEntity<Map<String, Object>> r) {
        Map<String, Object> details = (Map<String, Object>) r.getBody().get("details");
        assertThat(details).as("the problems listed in %s", r.getBody()).isNotNull();
        return list(details.get("problems")).stream().map(p -> (String) p.get("text")).toList();
    }

    /** What a line is, as Table 3.9 shows it: everything but where it hangs in the activity tree. */
    private static List<List<Object>> lines(Map<String, Object> report) {
        return list(report.get("lines")).stream().map(l -> List.of(l.get("lineId"), l.get("number"), l.get("name"),
                l.get("economicClass"), l.get("program"), l.get("budget"), l.get("realised"))).toList();
    }

    /** A workbook built cell by cell: each row a list of values (Number, String, LocalDate or a "=formula"). */
    static byte[] workbook(Map<String, List<List<Object>>> sheets) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("dd-mm-yyyy"));
            sheets.forEach((name, rows) -> {
                Sheet sheet = book.createSheet(name);
                for (int r = 0; r < rows.size(); r++) {
                    Row row = sheet.createRow(r);
                    List<Object> cells = rows.get(r);
                    for (int c = 0; c < cells.size(); c++) {
                        Object v = cells.get(c);
                        if (v == null) {
                            continue;
                        }
                        Cell cell = row.createCell(c);
                        if (v instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                        } else if (v instanceof LocalDate d) {
                            cell.setCellValue(d);
                            cell.setCellStyle(date);
                        } else if (v instanceof String s && s.startsWith("=")) {
                            cell.setCellFormula(s.substring(1));
                        } else {
                            cell.setCellValue(v.toString());
                        }
                    }
                }
            });
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final List<Object> LINE_HEADER = List.of("No", "Program", "Nama program", "Kegiatan",
            "Nama kegiatan", "Sub kegiatan", "Jenis belanja", "Anggaran", "Realisasi");
    private static final List<Object> ENTRY_HEADER = List.of("Sub kegiatan", "Tanggal", "Nomor SP2D/SPJ", "Jumlah",
            "Uraian");

    /** Three lines in two programs; line 1 with two SP2D on the second sheet, line 2 with only a realised total. */
    private static Map<String, List<List<Object>>> smallDpa(int year) {
        return new java.util.LinkedHashMap<>(Map.of(
                "Anggaran", List.of(LINE_HEADER,
                        List.of(1, 1, "Program Penunjang", 1, "Administrasi Keuangan", "Gaji dan Tunjangan ASN",
                                "Belanja Pegawai", "Rp 2.500.000", "2.000.000"),
                        List.of(2, 1, "Program Penunjang", 2, "Administrasi Umum", "Bahan Logistik Kantor",
                                "barang_jasa", 4_000_000, "1.250.000,00"),
                        List.of(3, 2, "Program Pelayanan Publik", 3, "Perizinan", "Perizinan Non Usaha", "Modal",
                                "750.000", "")),
                "Realisasi", List.of(ENTRY_HEADER,
                        List.of(1, LocalDate.of(year, 1, 25), "SP2D 0001/LS/" + year, 1_200_000, "Gaji Januari"),
                        List.of("1", "20-02-" + year, "SP2D 0002/LS/" + year, "Rp 800.000", "Gaji Februari"))));
    }

    @Test
    void theTable39ExportOfJikenImportsBackAsTheSameLinesAmountsAndRealisedTotals() {
        postJikenImport();
        awaitProjections();
        ResponseEntity<byte[]> exported = download("/api/v1/organisations/kec-jiken/reports/budget-realisation"
                + "?year=2023&format=xlsx");
        assertThat(exported.getStatusCode()).isEqualTo(HttpStatus.OK);
        String copy = "kec-jiken-salinan";
        register(copy);

        ResponseEntity<Map<String, Object>> preview = importDpa(copy, 2023, exported.getBody(), true);
        assertThat(preview.getStatusCode()).as("%s", preview.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(preview.getBody()).containsEntry("message", "Pratinjau: belum ada yang dicatat");
        ResponseEntity<Map<String, Object>> imported = importDpa(copy, 2023, exported.getBody(), false);
        assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.CREATED);
        awaitProjections();

        Map<String, Object> original = realisationReport("kec-jiken", 2023);
        Map<String, Object> roundTrip = realisationReport(copy, 2023);
        assertThat(lines(roundTrip)).isNotEmpty().isEqualTo(lines(original));
        assertThat(((Map<?, ?>) roundTrip.get("total")).get("budget"))
                .isEqualTo(((Map<?, ?>) original.get("total")).get("budget"));
        assertThat(((Map<?, ?>) roundTrip.get("total")).get("realised"))
                .isEqualTo(((Map<?, ?>) original.get("total")).get("realised"));
        assertThat(list(roundTrip.get("programs")).stream().map(p -> List.of(p.get("id"), p.get("name"),
                p.get("budget"), p.get("realised"))).toList())
                .isEqualTo(list(original.get("programs")).stream().map(p -> List.of(p.get("id"), p.get("name"),
                        p.get("budget"), p.get("realised"))).toList());
    }

    @Test
    void aRealisedTotalWithoutEntriesIsOneRecapDatedAtTheEndOfAPastYearOrTodayInTheCurrentYear() {
        String org = "dinas-dpa-rekap";
        register(org);
        LocalDate today = LedgerClock.today(clock);
        int current = today.getYear();

        Map<?, ?> preview = (Map<?, ?>) importDpa(org, 2023, workbook(smallDpa(2023)), true).getBody().get("summary");
        List<Map<String, Object>> past = list(preview.get("realisations"));
        assertThat(past).filteredOn(e -> e.get("lineId").equals("2")).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("date", "2023-12-31").containsEntry("amount", 1_250_000)
                    .containsEntry("document", "REKAP-2023-2").containsEntry("recap", true);
            assertThat((String) e.get("description")).startsWith("Rekap realisasi s.d. 31-12-2023 dari buku kerja DPA");
        });
        assertThat(past).filteredOn(e -> e.get("lineId").equals("1")).extracting(e -> e.get("document"))
                .containsExactly("SP2D 0001/LS/2023", "SP2D 0002/LS/2023");

        Map<String, List<List<Object>>> thisYear = smallDpa(current);
        thisYear.put("Realisasi", List.of(ENTRY_HEADER));
        ResponseEntity<Map<String, Object>> imported = importDpa(org, current, workbook(thisYear), false);
        assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.CREATED);
        List<Map<String, Object>> recaps = list(((Map<?, ?>) imported.getBody().get("summary")).get("realisations"));
        assertThat(recaps).extracting(e -> e.get("date")).containsOnly(today.toString());
        assertThat(recaps).extracting(e -> e.get("amount")).containsExactly(2_000_000, 1_250_000);
    }

    @Test
    void everyProblemIsListedBySheetRowAndColumnNameAndNothingIsRecorded() {
        String org = "dinas-dpa-salah";
        register(org);
        Map<String, List<List<Object>>> sheets = smallDpa(2023);
        sheets.put("Anggaran", List.of(LINE_HEADER,
                List.of(1, 1, "Program Penunjang", 1, "Administrasi Keuangan", "Gaji", "Belanja Pegawai",
                        "1,5 juta", ""),
                List.of(2, 1, "Program Penunjang", 2, "Administrasi Umum", "Logistik", "Belanja Sosial",
                        "1.500.000,50", ""),
                List.of(3, 2, "Program Pelayanan Publik", 3, "Perizinan", "Perizinan", "Modal", "=SUM(B2:B3)", ""),
                List.of(4, 2, "Program Pelayanan Publik", 3, "Perizinan", "Pengaduan", "Modal", 500_000, 600_000)));
        List<List<Object>> entries = new java.util.ArrayList<>();
        entries.add(ENTRY_HEADER);
        for (int r = 2; r < 14; r++) {
            entries.add(List.of(4, "2023-03-0" + (r % 9 + 1), "SPJ " + r, 1_000, "Rapat"));
        }
        entries.add(List.of(4, "32-13-2023", "SPJ 14", "satu juta", "Rapat"));
        entries.add(List.of(9, LocalDate.of(2022, 12, 30), "SPJ 15", 1_000, "Rapat"));
        sheets.put("Realisasi", entries);
        long before = engine.lastSequenceNumberFor(BudgetId.of(org, 2023)).orElse(-1L);

        for (boolean dryRun : List.of(true, false)) {
            ResponseEntity<Map<String, Object>> refused = importDpa(org, 2023, workbook(sheets), dryRun);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(refused.getBody()).containsEntry("code", "INVALID_WORKBOOK");
            assertThat(problemTexts(refused)).containsExactly(
                    "Sheet Anggaran, baris 2, kolom Anggaran: bukan angka: '1,5 juta'",
                    "Sheet Anggaran, baris 3, kolom Jenis belanja: bukan jenis belanja: 'Belanja Sosial' "
                            + "(Belanja Pegawai, Belanja Barang dan Jasa atau Belanja Modal)",
                    "Sheet Anggaran, baris 3, kolom Anggaran: bukan rupiah utuh: '1.500.000,50'; tulis tanpa sen",
                    "Sheet Anggaran, baris 4, kolom Anggaran: rumus tanpa nilai tersimpan (=SUM(B2:B3)); buka dan "
                            + "simpan ulang di Excel, atau tulis nilainya",
                    "Sheet Anggaran, baris 5, kolom Realisasi: realisasi Rp 600.000 melebihi anggaran Rp 500.000",
                    "Sheet Realisasi, baris 14, kolom Tanggal: tanggal tidak ada: '32-13-2023'",
                    "Sheet Realisasi, baris 14, kolom Jumlah: bukan angka: 'satu juta'",
                    "Sheet Realisasi, baris 15, kolom Sub kegiatan: tidak ada sub kegiatan '9' di sheet anggaran",
                    "Sheet Realisasi, baris 15, kolom Tanggal: tanggal 30-12-2022 di luar tahun anggaran 2023");
        }
        assertThat(engine.lastSequenceNumberFor(BudgetId.of(org, 2023)).orElse(-1L)).as("budget events")
                .isEqualTo(before).isEqualTo(-1L);
    }

    @Test
    void whereNumberingRestartsInEachKegiatanARealisationNamesItsLineByCodeNotByTheSharedNumber() {
        String org = "dinas-dpa-nomor-ulang";
        register(org);
        List<Object> header = List.of("No", "Kode", "Program", "Nama program", "Kegiatan", "Nama kegiatan",
                "Sub kegiatan", "Jenis belanja", "Anggaran");
        Map<String, List<List<Object>>> sheets = new java.util.LinkedHashMap<>(Map.of(
                "Anggaran", List.of(header,
                        List.of(1, "1.01.01", 1, "Program Penunjang", 1, "Administrasi Keuangan", "Gaji ASN",
                                "Belanja Pegawai", 2_000_000),
                        List.of(1, "1.02.01", 1, "Program Penunjang", 2, "Administrasi Umum", "Listrik dan Air",
                                "Belanja Barang dan Jasa", 900_000)),
                "Realisasi", List.of(ENTRY_HEADER,
                        List.of(1, "2023-03-10", "SP2D 0010/LS/2023", 700_000, "Gaji Maret"))));

        ResponseEntity<Map<String, Object>> refused = importDpa(org, 2023, workbook(sheets), false);
        assertThat(problemTexts(refused)).containsExactly("Sheet Realisasi, baris 2, kolom Sub kegiatan: nomor sub "
                + "kegiatan 1 dipakai lebih dari satu sub kegiatan; tulis kodenya");
        assertThat(engine.lastSequenceNumberFor(BudgetId.of(org, 2023))).as("budget recorded").isEmpty();

        sheets.put("Realisasi", List.of(ENTRY_HEADER,
                List.of("1.02.01", "2023-03-10", "SP2D 0010/LS/2023", 700_000, "Listrik Maret")));
        ResponseEntity<Map<String, Object>> imported = importDpa(org, 2023, workbook(sheets), false);
        assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.CREATED);
        awaitProjections();
        assertThat(lines(realisationReport(org, 2023))).extracting(l -> List.of(l.get(0), l.get(6)))
                .containsExactly(List.of("1.01.01", 0), List.of("1.02.01", 700_000));
    }

    @Test
    void oneBadRowAmongGoodOnesRecordsNothingAndTheCorrectedWorkbookThenImports() {
        String org = "dinas-dpa-utuh";
        register(org);
        Map<String, List<List<Object>>> sheets = smallDpa(2023);
        List<List<Object>> entries = new java.util.ArrayList<>(sheets.get("Realisasi"));
        entries.add(List.of(3, "2023-05-02", "SP2D 0003/LS/2023", 900_000, "Melebihi pagu"));
        sheets.put("Realisasi", entries);

        ResponseEntity<Map<String, Object>> refused = importDpa(org, 2023, workbook(sheets), false);
        assertThat(problemTexts(refused)).containsExactly("Sheet Realisasi, baris 4, kolom Jumlah: realisasi sub "
                + "kegiatan 3 menjadi Rp 900.000, melebihi anggarannya Rp 750.000");
        assertThat(engine.lastSequenceNumberFor(BudgetId.of(org, 2023))).as("budget recorded").isEmpty();
        awaitProjections();
        assertThat(get("/api/v1/organisations/" + org + "/reports/budget-realisation?year=2023").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<Map<String, Object>> imported = importDpa(org, 2023, workbook(smallDpa(2023)), false);
        assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(imported.getBody()).containsEntry("eventsAppended", 4);
    }

    @Test
    void theSameFiguresImportOnceEvenSavedAgainAndAnotherWorkbookForTheSameBudgetIsRefused() {
        String org = "dinas-dpa-sekali";
        register(org);
        Map<String, List<List<Object>>> sheets = smallDpa(2023);
        ResponseEntity<Map<String, Object>> first = importDpa(org, 2023, workbook(sheets), false);
        assertThat(first.getStatusCode()).as("%s", first.getBody()).isEqualTo(HttpStatus.CREATED);
        awaitProjections();
        Object realised = ((Map<?, ?>) realisationReport(org, 2023).get("total")).get("realised");
        assertThat(realised).isEqualTo(3_250_000);

        Map<String, List<List<Object>>> savedAgain = new java.util.LinkedHashMap<>(sheets);
        savedAgain.put("Catatan", List.of(List.of("disimpan ulang oleh bendahara")));
        for (byte[] again : List.of(workbook(sheets), workbook(savedAgain))) {
            ResponseEntity<Map<String, Object>> second = importDpa(org, 2023, again, false);
            assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(second.getBody()).containsEntry("alreadyImported", true).containsEntry("eventsAppended", 0)
                    .containsEntry("message", "Buku kerja ini sudah diimpor: tidak ada yang ditambahkan");
        }
        awaitProjections();
        assertThat(((Map<?, ?>) realisationReport(org, 2023).get("total")).get("realised")).isEqualTo(realised);

        Map<String, List<List<Object>>> other = smallDpa(2023);
        other.put("Realisasi", List.of(ENTRY_HEADER));
        ResponseEntity<Map<String, Object>> conflict = importDpa(org, 2023, workbook(other), false);
        assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(conflict.getBody()).containsEntry("code", "IMPORT_CONFLICT");
        assertThat((String) conflict.getBody().get("detail")).startsWith("Anggaran 2023 " + org
                + " sudah ditetapkan dari sumber lain (dpa-import sha256:");
    }

    @Test
    void anOrganisationNotInTheLedgerIsNamedInTheRefusal() {
        ResponseEntity<Map<String, Object>> refused = importDpa("dinas-tidak-ada", 2023, workbook(smallDpa(2023)),
                true);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(refused.getBody()).containsEntry("code", "UNKNOWN_ORGANISATION")
                .containsEntry("detail", "Organisasi 'dinas-tidak-ada' belum terdaftar di buku besar; impor dulu "
                        + "berkas LKjIP-nya atau daftarkan organisasinya");
    }

    @Test
    void theTemplateHasIndonesianHeadingsAndItsExampleImports() {
        ResponseEntity<byte[]> template = download("/api/v1/imports/dpa/template?year=2023");
        assertThat(template.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(template.getHeaders().getContentDisposition().getFilename()).isEqualTo("templat-dpa.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template.getBody()))) {
            assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("Anggaran");
            assertThat(book.getSheetAt(0).getRow(0).getCell(6).getStringCellValue()).isEqualTo("Sub kegiatan");
            assertThat(book.getSheetAt(0).getRow(1).getCell(8).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(book.getSheetAt(1).getSheetName()).isEqualTo("Realisasi");
            assertThat(book.getSheetAt(1).getRow(1).getCell(1).getCellStyle().getDataFormatString())
                    .isEqualTo("dd-mm-yyyy");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String org = "dinas-dpa-templat";
        register(org);
        ResponseEntity<Map<String, Object>> preview = importDpa(org, 2023, template.getBody(), true);
        assertThat(preview.getStatusCode()).as("%s", preview.getBody()).isEqualTo(HttpStatus.OK);
        Map<?, ?> summary = (Map<?, ?>) preview.getBody().get("summary");
        assertThat(summary.get("budgetTotal")).isEqualTo(1_443_000_000);
        assertThat(list(summary.get("realisations"))).extracting(e -> e.get("date"), e -> e.get("amount"))
                .containsExactly(tuple("2023-01-25", 120_250_000));
    }

    @Test
    void aWorkbookThatInflatesLikeAZipBombOrIsNoWorkbookIsRefusedWithAProblem() {
        String org = "dinas-dpa-bom";
        register(org);
        ResponseEntity<Map<String, Object>> bomb = importDpa(org, 2023, inflated(workbook(smallDpa(2023))), true);
        assertThat(bomb.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(problemTexts(bomb)).containsExactly(
                "berkas ditolak: isinya mengembang jauh melebihi ukurannya (bom zip)");
        ResponseEntity<Map<String, Object>> yaml = importDpa(org, 2023, jikenYaml(), true);
        assertThat(problemTexts(yaml)).containsExactly(
                "berkas bukan buku kerja Excel .xlsx (simpan sebagai \"Excel Workbook (.xlsx)\")");
    }

    @Test
    void thePageFormUploadIsAcceptedAsMultipart() {
        String org = "dinas-dpa-unggah";
        register(org);
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(workbook(smallDpa(2023))) {
            @Override
            public String getFilename() {
                return "dpa.xlsx";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<Map<String, Object>> preview = http.exchange("/api/v1/imports/dpa?organisation=" + org
                + "&year=2023&dryRun=true", HttpMethod.POST, new HttpEntity<>(form, headers), JSON);
        assertThat(preview.getStatusCode()).as("%s", preview.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(((Map<?, ?>) preview.getBody().get("summary")).get("realisedTotal")).isEqualTo(3_250_000);
    }

    @Test
    void theImportPageOffersTheTemplateShowsEveryProblemAndRecordsThePreviewedWorkbook() {
        String org = "dinas-dpa-halaman";
        register(org);
        awaitProjections();
        PageSession page = PageSession.signIn(anonymous, "admin", ADMIN_PASSWORD);
        ResponseEntity<String> form = page.get("/impor", String.class);
        assertThat(form.getBody()).contains("Impor DPA dari Excel").contains("/impor/templat-dpa?tahun=")
                .contains("value=\"" + org + "\"");
        ResponseEntity<byte[]> template = page.get("/impor/templat-dpa?tahun=2023", byte[].class);
        assertThat(template.getHeaders().getContentType().toString()).isEqualTo(XLSX);

        Map<String, List<List<Object>>> bad = smallDpa(2023);
        bad.put("Realisasi", List.of(ENTRY_HEADER, List.of(1, "25-01-2023", "SP2D 1", "satu juta", "Gaji")));
        ResponseEntity<String> refused = page.postForm("/impor/dpa/pratinjau", form.getBody(), upload(org, bad),
                MediaType.MULTIPART_FORM_DATA);
        assertThat(refused.getBody()).contains("id=\"dpa-problems\"").contains("Buku kerja ditolak seluruhnya")
                .contains("<td>Realisasi</td><td class=\"num\">2</td><td>Jumlah</td><td>bukan angka: &#39;satu juta&#39;</td>");

        ResponseEntity<String> preview = page.postForm("/impor/dpa/pratinjau", form.getBody(),
                upload(org, smallDpa(2023)), MediaType.MULTIPART_FORM_DATA);
        assertThat(preview.getBody()).contains("id=\"dpa-preview\"")
                .contains("3 sub kegiatan, anggaran Rp 7.250.000, realisasi Rp 3.250.000 dalam 3 entri (1 rekap)");
        java.util.regex.Matcher digest = java.util.regex.Pattern.compile("name=\"digest\" value=\"([0-9a-f]{64})\"")
                .matcher(preview.getBody());
        assertThat(digest.find()).isTrue();
        LinkedMultiValueMap<String, Object> confirm = new LinkedMultiValueMap<>();
        confirm.add("digest", digest.group(1));
        ResponseEntity<String> recorded = page.postForm("/impor/dpa/catat", preview.getBody(), confirm,
                MediaType.APPLICATION_FORM_URLENCODED);
        assertThat(recorded.getHeaders().getLocation().getPath()).isEqualTo("/org/" + org + "/anggaran/2023");
        assertThat(engine.lastSequenceNumberFor(BudgetId.of(org, 2023))).hasValue(3L);
    }

    private static LinkedMultiValueMap<String, Object> upload(String org, Map<String, List<List<Object>>> sheets) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("organisasi", org);
        form.add("tahun", "2023");
        form.add("file", new ByteArrayResource(workbook(sheets)) {
            @Override
            public String getFilename() {
                return "dpa.xlsx";
            }
        });
        return form;
    }

    /** The workbook with its first sheet padded by 40 MB of blanks, which deflate to almost nothing. */
    private static byte[] inflated(byte[] workbook) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
             ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, java.nio.charset.StandardCharsets.UTF_8);
                    int at = xml.indexOf("<sheetData>") + "<sheetData>".length();
                    out.write(xml.substring(0, at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    byte[] blanks = new byte[1 << 20];
                    java.util.Arrays.fill(blanks, (byte) ' ');
                    for (int i = 0; i < 40; i++) {
                        out.write(blanks);
                    }
                    out.write(xml.substring(at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } else {
                    out.write(content);
                }
                out.closeEntry();
            }
            out.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
