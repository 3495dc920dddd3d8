package id.sakip.ledger.shared.web;

import java.time.Instant;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import id.sakip.ledger.shared.IndonesianFormat;
import id.sakip.ledger.shared.export.ExportFormat;
import id.sakip.ledger.shared.export.PrintHeading;
import id.sakip.ledger.shared.export.ReportTable;
import id.sakip.ledger.shared.export.TableExporter;

/** Turns report tables into a file download: {@code tabel-3.9-jiken-2023.xlsx}. */
public final class Downloads {

    private Downloads() {
    }

    public static ResponseEntity<byte[]> of(String baseName, ExportFormat f, List<ReportTable> tables) {
        return of(baseName, f, tables, null);
    }

    /** As {@link #of(String, ExportFormat, List)}; a PDF carries {@code heading} on every page and its signature at the end. */
    public static ResponseEntity<byte[]> of(String baseName, ExportFormat f, List<ReportTable> tables,
                                            PrintHeading heading) {
        return of(baseName, f, tables, heading, List.of());
    }

    /** As {@link #of(String, ExportFormat, List, PrintHeading)}; a workbook ends with {@code dataSheets}. */
    public static ResponseEntity<byte[]> of(String baseName, ExportFormat f, List<ReportTable> tables,
                                            PrintHeading heading, List<ReportTable> dataSheets) {
        byte[] body = TableExporter.export(f, tables, heading, dataSheets);
        String name = baseName.replaceAll("[^A-Za-z0-9._-]", "-") + "." + f.extension();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(f == ExportFormat.CSV ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
                        : MediaType.parseMediaType(f.mediaType()))
                .contentLength(body.length)
                .body(body);
    }

    /** The line under each table's title: whose report, which year, and as of when. */
    public static String subtitle(String organisationId, String period, Instant asOf) {
        return "Organisasi " + organisationId + " · " + period + " · "
                + (asOf == null ? "keadaan terkini buku besar" : "seperti diketahui buku besar pada "
                + IndonesianFormat.time(asOf));
    }
}
