package id.sakip.ledger.kabupaten.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import id.sakip.ledger.kabupaten.api.KabupatenEntry;
import id.sakip.ledger.kabupaten.api.KabupatenSummary;
import id.sakip.ledger.kabupaten.query.KabupatenQueries;
import id.sakip.ledger.shared.AccessDenied;
import id.sakip.ledger.shared.IndonesianFormat;
import id.sakip.ledger.shared.OrganisationAccess;
import id.sakip.ledger.shared.export.ExportFormat;
import id.sakip.ledger.shared.web.Downloads;
import id.sakip.ledger.shared.web.LedgerIds;
import id.sakip.ledger.shared.web.ReportFileMapping;

/**
 * The kabupaten view over the API: the kabupaten the caller may read, and one kabupaten's summary of
 * its organisations for a year, live or as of a past instant, as JSON or as a file.
 */
@RestController
@RequestMapping(path = "/api/v1/kabupaten", produces = MediaType.APPLICATION_JSON_VALUE)
public class KabupatenController {

    private final KabupatenQueries queries;
    private final OrganisationAccess access;

    public KabupatenController(KabupatenQueries queries, OrganisationAccess access) {
        this.queries = queries;
        this.access = access;
    }

    /** Throws {@link AccessDenied} unless the current user may read the whole kabupaten. */
    static void requireKabupaten(OrganisationAccess access, String kabupatenId) {
        LedgerIds.require(kabupatenId, "kabupaten");
        if (!access.mayReadKabupaten(kabupatenId)) {
            throw new AccessDenied("Ringkasan kabupaten " + kabupatenId + " hanya untuk peran yang diberikan bagi "
                    + "kabupaten itu (kab:" + kabupatenId + ") atau seluruh organisasi",
                    Map.of("kabupatenId", kabupatenId));
        }
    }

    @GetMapping
    public List<KabupatenEntry> kabupaten() {
        return queries.all().stream().filter(k -> access.mayReadKabupaten(k.id())).toList();
    }

    @GetMapping("/{kab}/reports/summary")
    public KabupatenSummary summary(@PathVariable String kab, @RequestParam int year,
                                    @RequestParam(required = false) Instant asOf) {
        requireKabupaten(access, kab);
        return queries.summary(kab, year, asOf);
    }

    /** The summary as a file: {@code ?format=xlsx|csv|pdf}. */
    @ReportFileMapping("/{kab}/reports/summary")
    public ResponseEntity<byte[]> summaryFile(@PathVariable String kab, @RequestParam int year,
                                              @RequestParam(required = false) Instant asOf,
                                              @RequestParam String format) {
        ExportFormat file = ExportFormat.parse(format);
        KabupatenSummary summary = summary(kab, year, asOf);
        return Downloads.of("ringkasan-" + kab + "-" + year, file, KabupatenTables.summary(summary,
                subtitle(summary)));
    }

    /** The line under each table's title: which kabupaten, which year, and as of when. */
    static String subtitle(KabupatenSummary s) {
        return s.name() + " · tahun " + s.year() + " · " + (s.asOf() == null
                ? "keadaan terkini buku besar"
                : "seperti diketahui buku besar pada " + IndonesianFormat.time(s.asOf()));
    }
}
