package id.sakip.ledger.audit.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

import id.sakip.ledger.shared.IndonesianFormat;

/**
 * Every kind of event as an auditor reads it in Bahasa Indonesia: its name ("Realisasi anggaran
 * dicatat") and one sentence built from its content ("Realisasi Rp 1.500.000 dicatat pada baris 2
 * Penyediaan Gaji dan Tunjangan ASN, SP2D-001, tanggal 20-11-2023"), with the story it belongs to.
 */
public final class EventNarration {

    /** The names of the lines and indicators an event points at. */
    public interface Names {

        /** "2 Penyediaan Gaji dan Tunjangan ASN", or {@code null} when the line is not known. */
        String line(String organisationId, int year, String lineId);

        /** The indicator's name, or {@code null} when it is not known. */
        String indicator(String organisationId, String indicatorId);
    }

    /** Names of nothing: lines and indicators are then named by their ids. */
    public static final Names NO_NAMES = new Names() {
        @Override
        public String line(String organisationId, int year, String lineId) {
            return null;
        }

        @Override
        public String indicator(String organisationId, String indicatorId) {
            return null;
        }
    };

    private record Kind(String name, BiFunction<Context, Map<String, Object>, String> sentence) {
    }

    private record Context(String organisationId, Names names) {
    }

    private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

    static {
        kind("BudgetAdopted", "Anggaran ditetapkan", (c, e) -> "Anggaran (DPA) tahun " + e.get("fiscalYear")
                + " ditetapkan: " + count(e.get("programs")) + " program, " + lineCount(e) + " baris, pagu "
                + rp(adoptedTotal(e)) + when(", sumber dana ", e.get("fund")) + when(", tanggal ", date(e.get("adoptedOn"))));
        kind("BudgetAmended", "Perubahan anggaran", (c, e) -> "Anggaran tahun " + e.get("fiscalYear") + " diubah ("
                + amendmentKind(e.get("kind")) + "): " + amendedLines(c, e) + when(", berlaku ", date(e.get("effectiveDate"))));
        kind("FiscalYearClosed", "Tahun anggaran ditutup", (c, e) -> "Tahun anggaran " + e.get("fiscalYear")
                + " ditutup; tidak ada realisasi atau perubahan lagi");
        kind("RealisationRecorded", "Realisasi anggaran dicatat", (c, e) -> "Realisasi " + rp(e.get("amount"))
                + " dicatat pada " + line(c, e) + when(", ", e.get("document")) + when(", tanggal ", date(e.get("valueDate")))
                + when(" — ", e.get("description")));
        kind("RealisationReversed", "Realisasi anggaran dibatalkan", (c, e) -> "Realisasi " + rp(e.get("amount"))
                + " pada " + line(c, e) + when(", tanggal ", date(e.get("valueDate"))) + " dibatalkan");
        kind("OrganisationRegistered", "Organisasi didaftarkan", (c, e) -> "Organisasi " + e.get("name")
                + " didaftarkan" + when(", ", e.get("kabupaten")) + when(", ", e.get("provinsi"))
                + when("; kepala: ", e.get("head")));
        kind("SignatoryChanged", "Penandatangan laporan diganti", (c, e) -> "Penandatangan laporan diganti: "
                + when("", e.get("head")) + when(" ", e.get("headName")) + when(" (NIP ", e.get("headNip") == null ? null
                : e.get("headNip") + ")") + when(", berlaku ", date(e.get("effectiveDate")))
                + when(", tempat ", e.get("reportPlace")));
        kind("PlanDefined", "Renstra ditetapkan", (c, e) -> "Renstra " + e.get("fromYear") + "–" + e.get("toYear")
                + " ditetapkan: " + count(e.get("goals")) + " tujuan, " + indicatorCount(e) + " indikator");
        kind("IndicatorTargetSet", "Target indikator ditetapkan", (c, e) -> "Target " + indicator(c, e) + " tahun "
                + e.get("year") + " ditetapkan " + num(e.get("value")));
        kind("IndicatorTargetAmended", "Target indikator diubah", (c, e) -> "Target " + indicator(c, e) + " tahun "
                + e.get("year") + " diubah dari " + num(e.get("previous")) + " menjadi " + num(e.get("value")));
        kind("IndicatorRealisationRecorded", "Realisasi indikator dicatat", (c, e) -> "Realisasi " + indicator(c, e)
                + " tahun " + e.get("year") + " dicatat " + num(e.get("value")) + when(", sumber ", e.get("source"))
                + when(", bukti ", e.get("evidence")));
        kind("IndicatorRealisationCorrected", "Realisasi indikator dikoreksi", (c, e) -> "Realisasi "
                + indicator(c, e) + " tahun " + e.get("year") + " dikoreksi dari " + num(e.get("previous"))
                + " menjadi " + num(e.get("value")) + when(", sumber ", e.get("source")));
        kind("SurveyRecorded", "Survei kepuasan (SKM) dicatat", (c, e) -> "Survei kepuasan masyarakat"
                + when(" ", e.get("period")) + " tahun " + e.get("year") + " dicatat untuk " + indicator(c, e) + ": "
                + e.get("respondents") + " responden, indeks " + num(e.get("skm")) + when(", mutu ", e.get("grade")));
        kind("SakipEvaluationRecorded", "Evaluasi SAKIP dicatat", (c, e) -> "Evaluasi SAKIP tahun " + e.get("year")
                + " dicatat untuk " + indicator(c, e) + ": nilai " + num(e.get("total"))
                + when(", predikat ", e.get("predicate")));
        kind("PrintedReportRecorded", "Angka laporan tercetak dicatat", (c, e) -> "Angka LKjIP tercetak tahun "
                + e.get("year") + " dicatat apa adanya" + when(" dari ", e.get("source")) + ", untuk rekonsiliasi");
        kind("UserCreated", "Pengguna dibuat", (c, e) -> "Pengguna " + e.get("username") + " dibuat dengan peran "
                + roles(e.get("roles")));
        kind("UserRolesChanged", "Peran pengguna diubah", (c, e) -> "Peran pengguna " + e.get("username")
                + " diubah dari " + roles(e.get("previous")) + " menjadi " + roles(e.get("roles")));
        kind("UserDisabled", "Pengguna dinonaktifkan", (c, e) -> "Pengguna " + e.get("username") + " dinonaktifkan");
        kind("PasswordChanged", "Kata sandi diganti", (c, e) -> "Kata sandi pengguna " + e.get("username")
                + " diganti (hanya sidik kata sandi yang disimpan)");
    }

    private EventNarration() {
    }

    private static void kind(String type, String name, BiFunction<Context, Map<String, Object>, String> sentence) {
        KINDS.put(type, new Kind(name, sentence));
    }

    /** The event types (simple class names) that have an Indonesian name and sentence. */
    public static Set<String> types() {
        return KINDS.keySet();
    }

    /** The Indonesian name of an event type; the type itself only for a type this class does not know. */
    public static String name(String type) {
        Kind kind = KINDS.get(type);
        return kind == null ? type : kind.name();
    }

    /** Every Indonesian name, sorted, for the filter's list. */
    public static List<String> names() {
        return new ArrayList<>(new TreeSet<>(KINDS.values().stream().map(Kind::name).toList()));
    }

    /**
     * The types whose Indonesian name contains the typed text ("realisasi" finds the budget's and the
     * indicators' realisations), or whose type is the text; empty when nothing matches.
     */
    public static Set<String> typesMatching(String typed) {
        String wanted = typed.strip().toLowerCase(Locale.ROOT);
        Set<String> types = new TreeSet<>();
        KINDS.forEach((type, kind) -> {
            if (type.equalsIgnoreCase(wanted) || kind.name().toLowerCase(Locale.ROOT).contains(wanted)) {
                types.add(type);
            }
        });
        return types;
    }

    /** One sentence saying what the event records, in Bahasa Indonesia. */
    public static String sentence(String type, String organisationId, Map<String, Object> content, Names names) {
        Kind kind = KINDS.get(type);
        if (kind == null) {
            return "Peristiwa " + type + " dicatat";
        }
        return kind.sentence().apply(new Context(organisationId, names), content == null ? Map.of() : content);
    }

    /** The page path of the line's or indicator's story this event belongs to, or {@code null}. */
    public static String story(String organisationId, Map<String, Object> content) {
        if (content == null) {
            return null;
        }
        if (content.get("lineId") != null && content.get("fiscalYear") != null) {
            return "/org/" + organisationId + "/audit/baris/" + content.get("lineId") + "?tahun=" + content.get("fiscalYear");
        }
        if (content.get("indicatorId") != null) {
            return "/org/" + organisationId + "/audit/indikator/" + content.get("indicatorId");
        }
        return null;
    }

    /** A value date of the event (realisation date, amendment's effective date, adoption date), or {@code null}. */
    public static String valueDate(Map<String, Object> content) {
        for (String field : List.of("valueDate", "effectiveDate", "adoptedOn")) {
            String iso = iso(content.get(field));
            if (iso != null) {
                return iso;
            }
        }
        return null;
    }

    private static String iso(Object date) {
        if (date instanceof List<?> parts && parts.size() == 3) {
            return String.format("%04d-%02d-%02d", ((Number) parts.get(0)).intValue(),
                    ((Number) parts.get(1)).intValue(), ((Number) parts.get(2)).intValue());
        }
        return date == null ? null : date.toString();
    }

    /** 2023-11-20 as 20-11-2023. */
    static String date(Object date) {
        String iso = iso(date);
        if (iso == null || !iso.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return iso;
        }
        return iso.substring(8, 10) + "-" + iso.substring(5, 7) + "-" + iso.substring(0, 4);
    }

    private static String when(String prefix, Object value) {
        return value == null || value.toString().isBlank() ? "" : prefix + value;
    }

    private static String rp(Object amount) {
        return amount instanceof Number n ? "Rp " + IndonesianFormat.integer(n.longValue()) : "Rp -";
    }

    private static String num(Object value) {
        if (value == null) {
            return "-";
        }
        try {
            return IndonesianFormat.number(new BigDecimal(value.toString()));
        } catch (NumberFormatException | ArithmeticException notANumber) {
            return value.toString();
        }
    }

    private static int count(Object list) {
        return list instanceof List<?> l ? l.size() : 0;
    }

    private static List<Map<String, Object>> maps(Object list) {
        List<Map<String, Object>> maps = new ArrayList<>();
        if (list instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> typed = (Map<String, Object>) m;
                    maps.add(typed);
                }
            }
        }
        return maps;
    }

    private static List<Map<String, Object>> adoptedLines(Map<String, Object> e) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<String, Object> program : maps(e.get("programs"))) {
            for (Map<String, Object> activity : maps(program.get("activities"))) {
                lines.addAll(maps(activity.get("lines")));
            }
        }
        return lines;
    }

    private static int lineCount(Map<String, Object> e) {
        return adoptedLines(e).size();
    }

    private static long adoptedTotal(Map<String, Object> e) {
        long total = 0;
        for (Map<String, Object> line : adoptedLines(e)) {
            if (line.get("amount") instanceof Number n) {
                total += n.longValue();
            }
        }
        return total;
    }

    private static int indicatorCount(Map<String, Object> e) {
        int n = 0;
        for (Map<String, Object> goal : maps(e.get("goals"))) {
            for (Map<String, Object> objective : maps(goal.get("objectives"))) {
                n += count(objective.get("indicators"));
            }
            n += count(goal.get("indicators"));
        }
        return n;
    }

    private static String amendmentKind(Object kind) {
        if (kind == null) {
            return "perubahan";
        }
        return switch (kind.toString()) {
            case "PERUBAHAN" -> "DPA Perubahan";
            case "PERGESERAN" -> "pergeseran";
            case "REFOCUSING" -> "refocusing";
            default -> kind.toString().toLowerCase(Locale.ROOT);
        };
    }

    private static String amendedLines(Context c, Map<String, Object> e) {
        List<Map<String, Object>> changes = maps(e.get("changes"));
        List<Map<String, Object>> added = maps(e.get("newLines"));
        StringBuilder text = new StringBuilder();
        text.append(changes.size()).append(" baris berubah pagu");
        if (!added.isEmpty()) {
            text.append(", ").append(added.size()).append(" baris baru");
        }
        if (changes.size() == 1) {
            Map<String, Object> one = changes.get(0);
            text.append(" (").append(lineName(c, e.get("fiscalYear"), one.get("lineId"))).append(": ")
                    .append(rp(one.get("before"))).append(" → ").append(rp(one.get("after"))).append(')');
        }
        return text.toString();
    }

    private static String line(Context c, Map<String, Object> e) {
        return lineName(c, e.get("fiscalYear"), e.get("lineId"));
    }

    private static String lineName(Context c, Object year, Object lineId) {
        String name = null;
        if (year instanceof Number y && lineId != null) {
            name = c.names().line(c.organisationId(), y.intValue(), lineId.toString());
        }
        return "baris " + (name != null ? name : lineId);
    }

    private static String indicator(Context c, Map<String, Object> e) {
        Object id = e.get("indicatorId");
        String name = id == null ? null : c.names().indicator(c.organisationId(), id.toString());
        return "indikator " + (name != null ? id + " " + name : id);
    }

    private static String roles(Object grants) {
        List<String> roles = new ArrayList<>();
        for (Map<String, Object> g : maps(grants)) {
            roles.add(role(String.valueOf(g.get("role"))) + " " + g.get("organisation"));
        }
        return roles.isEmpty() ? "(tanpa peran)" : String.join(", ", roles);
    }

    /** The Indonesian name of a role code (TREASURER → Bendahara). */
    public static String role(String role) {
        if (role == null) {
            return "-";
        }
        if (role.contains("+") || role.contains(",")) {
            List<String> each = new ArrayList<>();
            for (String one : role.split("[+,]")) {
                each.add(role(one.strip()));
            }
            return String.join(", ", each);
        }
        return switch (role) {
            case "TREASURER" -> "Bendahara";
            case "PLANNER" -> "Perencana";
            case "AUDITOR" -> "Auditor";
            case "ADMIN" -> "Administrator";
            case "SYSTEM" -> "Sistem";
            case "NONE" -> "tanpa peran";
            default -> role;
        };
    }
}
