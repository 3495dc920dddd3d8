package id.sakip.ledger.kabupaten.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import id.sakip.ledger.kabupaten.api.KabupatenSummary;
import id.sakip.ledger.kabupaten.api.KabupatenSummary.OrganisationRow;
import id.sakip.ledger.kabupaten.query.KabupatenQueries;
import id.sakip.ledger.shared.InvalidValue;
import id.sakip.ledger.shared.LedgerClock;
import id.sakip.ledger.shared.OrganisationAccess;
import id.sakip.ledger.shared.export.ExportFormat;
import id.sakip.ledger.shared.web.Downloads;

/**
 * The kabupaten page: every OPD of a kabupaten in a year, sortable by any column (server-side
 * {@code ?urut=&arah=} links), the monthly absorption curve against the even-spending line, the OPD
 * furthest behind it, and the downloads.
 */
@Controller
public class KabupatenPages {

    /** The sortable columns: the page's parameter value and the row's figure. */
    private static final Map<String, Function<OrganisationRow, Comparable<?>>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("nama", OrganisationRow::name);
        COLUMNS.put("anggaran", OrganisationRow::budget);
        COLUMNS.put("realisasi", OrganisationRow::realised);
        COLUMNS.put("serapan", OrganisationRow::absorptionPercent);
        COLUMNS.put("capaian", OrganisationRow::meanAchievementPercent);
        COLUMNS.put("sakip", OrganisationRow::sakipScore);
        COLUMNS.put("temuan", OrganisationRow::reconciliationFindings);
    }

    /** The column headings, in the order of the sortable columns. */
    private static final Map<String, String> HEADINGS = new LinkedHashMap<>();

    static {
        HEADINGS.put("nama", "OPD");
        HEADINGS.put("anggaran", "Anggaran");
        HEADINGS.put("realisasi", "Realisasi");
        HEADINGS.put("serapan", "Serapan");
        HEADINGS.put("capaian", "Rata-rata capaian IKU");
        HEADINGS.put("sakip", "Nilai SAKIP");
        HEADINGS.put("temuan", "Temuan rekonsiliasi");
    }

    private final KabupatenQueries queries;
    private final OrganisationAccess access;

    public KabupatenPages(KabupatenQueries queries, OrganisationAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @GetMapping("/kabupaten/{kab}/{year}")
    public String summary(@PathVariable String kab, @PathVariable int year,
                          @RequestParam(required = false) String asOf,
                          @RequestParam(defaultValue = "nama") String urut,
                          @RequestParam(defaultValue = "naik") String arah, Model model) {
        KabupatenController.requireKabupaten(access, kab);
        if (!COLUMNS.containsKey(urut) || !("naik".equals(arah) || "turun".equals(arah))) {
            throw new InvalidValue("INVALID_SORT", "urut harus salah satu dari " + String.join(", ", COLUMNS.keySet())
                    + " dan arah naik atau turun", Map.of("urut", urut, "arah", arah));
        }
        KabupatenSummary summary = queries.summary(kab, year, parseAsOf(asOf));
        model.addAttribute("summary", summary);
        model.addAttribute("rows", sorted(summary.organisations(), urut, "turun".equals(arah)));
        model.addAttribute("kab", kab);
        model.addAttribute("year", year);
        model.addAttribute("asOf", asOf);
        model.addAttribute("columns", HEADINGS);
        model.addAttribute("urut", urut);
        model.addAttribute("arah", arah);
        return "kabupaten";
    }

    /** The summary as XLSX, CSV or PDF, live or as of a past moment. */
    @GetMapping("/kabupaten/{kab}/{year}/unduh")
    public ResponseEntity<byte[]> download(@PathVariable String kab, @PathVariable int year,
                                           @RequestParam String format,
                                           @RequestParam(required = false) String asOf) {
        KabupatenController.requireKabupaten(access, kab);
        ExportFormat file = ExportFormat.parse(format);
        Instant at = parseAsOf(asOf);
        KabupatenSummary summary = queries.summary(kab, year, at);
        return Downloads.of("ringkasan-" + kab + "-" + year + (at == null ? "" : "-per-" + asOf.replace(":", "")),
                file, KabupatenTables.summary(summary, KabupatenController.subtitle(summary)));
    }

    /** Rows by one column, rows without that figure last whichever the direction. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static List<OrganisationRow> sorted(List<OrganisationRow> rows, String column, boolean descending) {
        Function<OrganisationRow, Comparable<?>> key = COLUMNS.get(column);
        Comparator<Comparable> order = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        Comparator<OrganisationRow> byColumn = Comparator.comparing(r -> (Comparable) key.apply(r),
                Comparator.nullsLast(order));
        List<OrganisationRow> result = new ArrayList<>(rows);
        result.sort(byColumn.thenComparing(OrganisationRow::organisationId));
        return result;
    }

    private static Instant parseAsOf(String asOf) {
        try {
            return asOf == null || asOf.isBlank() ? null
                    : LocalDateTime.parse(asOf).atZone(LedgerClock.WIB).toInstant();
        } catch (java.time.format.DateTimeParseException bad) {
            throw new InvalidValue("INVALID_AS_OF", "asOf harus tanggal dan jam seperti 2023-12-31T23:59",
                    Map.of("asOf", asOf));
        }
    }
}
