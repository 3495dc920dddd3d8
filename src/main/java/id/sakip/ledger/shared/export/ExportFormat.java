package id.sakip.ledger.shared.export;

import java.util.Locale;
import java.util.Map;

import id.sakip.ledger.shared.InvalidValue;

/** The download formats of every report: a spreadsheet with real number cells, plain CSV, or a printable PDF. */
public enum ExportFormat {
    XLSX(ExportFormat.XLSX_TYPE, "xlsx"),
    CSV(ExportFormat.CSV_TYPE, "csv"),
    PDF(ExportFormat.PDF_TYPE, "pdf");

    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV_TYPE = "text/csv";
    public static final String PDF_TYPE = "application/pdf";

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** Reads {@code xlsx}, {@code csv} or {@code pdf}; anything else is refused with the accepted values. */
    public static ExportFormat parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (ExportFormat f : values()) {
            if (f.extension.equals(value)) {
                return f;
            }
        }
        throw new InvalidValue("UNKNOWN_FORMAT", "format must be one of xlsx, csv, pdf",
                Map.<String, Object>of("format", text == null ? "" : text));
    }
}
