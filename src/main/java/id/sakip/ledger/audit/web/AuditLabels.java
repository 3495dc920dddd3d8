package id.sakip.ledger.audit.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import id.sakip.ledger.audit.query.EventNarration;
import id.sakip.ledger.shared.IndonesianFormat;

/** The words of the line and indicator histories ({@code ${@audit.change(s.change)}}) in Bahasa Indonesia. */
@Component("audit")
public class AuditLabels {

    /** The Indonesian name of a change in an item's history. */
    public String change(String kind) {
        if (kind == null) {
            return "-";
        }
        return switch (kind) {
            case "ADOPTED" -> "Pagu ditetapkan (DPA)";
            case "AMOUNT_AMENDED" -> "Pagu diubah";
            case "LINE_ADDED" -> "Baris ditambahkan";
            case "REALISATION_RECORDED" -> "Realisasi dicatat";
            case "REALISATION_REVERSED" -> "Realisasi dibatalkan";
            case "REALISATION_CORRECTED" -> "Realisasi dikoreksi";
            case "YEAR_CLOSED" -> "Tahun anggaran ditutup";
            case "TARGET_SET" -> "Target ditetapkan";
            case "TARGET_AMENDED" -> "Target diubah";
            case "SKM_RECORDED" -> "Survei kepuasan (SKM) dicatat";
            case "SAKIP_RECORDED" -> "Evaluasi SAKIP dicatat";
            default -> kind;
        };
    }

    /** The role a change was made in, in Bahasa Indonesia. */
    public String role(String role) {
        return EventNarration.role(role);
    }

    /** The details of a change as one readable line: "SP2D-001 · tanggal 20-11-2023 · uraian …". */
    public String details(Map<String, Object> details) {
        if (details == null || details.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        details.forEach((key, value) -> {
            String text = detail(key, value);
            if (text != null && !text.isBlank()) {
                parts.add(text);
            }
        });
        return String.join(" · ", parts);
    }

    private static String detail(String key, Object value) {
        return switch (key) {
            case "entryId", "planId", "name", "amount", "lineAmount" -> null;
            case "valueDate" -> "tanggal " + date(value);
            case "effectiveDate" -> "berlaku " + date(value);
            case "document" -> "dokumen " + value;
            case "description" -> "uraian: " + value;
            case "kind" -> "jenis: " + kind(value);
            case "amendmentId" -> "nomor perubahan " + value;
            case "source" -> "sumber: " + value;
            case "evidence" -> "bukti: " + value;
            case "grade" -> "mutu/predikat: " + value;
            case "respondents" -> value + " responden";
            case "components" -> components(value);
            default -> key + ": " + value;
        };
    }

    private static String kind(Object value) {
        return switch (String.valueOf(value)) {
            case "PERUBAHAN" -> "DPA Perubahan";
            case "PERGESERAN" -> "pergeseran";
            case "REFOCUSING" -> "refocusing";
            default -> String.valueOf(value);
        };
    }

    private static String date(Object value) {
        String iso = String.valueOf(value);
        return iso.matches("\\d{4}-\\d{2}-\\d{2}") ? iso.substring(8) + "-" + iso.substring(5, 7) + "-"
                + iso.substring(0, 4) : iso;
    }

    private static String components(Object value) {
        if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        map.forEach((k, v) -> parts.add(component(String.valueOf(k)) + " " + (v instanceof BigDecimal d
                ? IndonesianFormat.decimal(d) : v)));
        return "komponen: " + String.join(", ", parts);
    }

    private static String component(String key) {
        return switch (key) {
            case "evaluasiInternal" -> "evaluasi internal";
            default -> key;
        };
    }
}
