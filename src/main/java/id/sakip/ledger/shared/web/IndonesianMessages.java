package id.sakip.ledger.shared.web;

import java.util.Map;

import id.sakip.ledger.shared.IndonesianFormat;
import id.sakip.ledger.shared.RuleViolation;

/** Explains a refusal to a person in Bahasa Indonesia, with the figures that matter. */
public final class IndonesianMessages {

    private IndonesianMessages() {
    }

    private static String rp(Object v) {
        return v instanceof Number n ? "Rp " + IndonesianFormat.integer(n.longValue()) : String.valueOf(v);
    }

    private static String field(Object name) {
        if (name == null) {
            return "";
        }
        return switch (name.toString()) {
            case "reason" -> "alasan";
            case "legalBasis" -> "dasar hukum";
            case "document" -> "nomor dokumen";
            case "effectiveDate" -> "tanggal berlaku";
            case "headName" -> "nama kepala";
            default -> name.toString();
        };
    }

    /** Each line an amendment would set below its realisation: "baris 2 (pagu Rp 1.000 < realisasi Rp 1.500)". */
    static String belowRealised(Object lines) {
        if (!(lines instanceof java.util.List<?> list) || list.isEmpty()) {
            return "baris yang sudah direalisasikan";
        }
        java.util.List<String> named = new java.util.ArrayList<>();
        for (Object o : list) {
            if (o instanceof Map<?, ?> line) {
                named.add("baris " + line.get("lineId") + " (pagu " + rp(line.get("amount")) + " < realisasi "
                        + rp(line.get("realised")) + ")");
            }
        }
        return String.join(", ", named);
    }

    public static String of(RuleViolation v) {
        Map<String, Object> d = v.details();
        return switch (v.code()) {
            case "BUDGET_CEILING_EXCEEDED" -> "Ditolak: realisasi " + rp(d.get("requested")) + " pada baris "
                    + d.get("lineId") + " melebihi sisa pagu " + rp(d.get("remaining")) + ". Pagu akan terlampaui "
                    + rp(d.get("excess")) + ".";
            case "YEAR_CLOSED" -> "Ditolak: tahun anggaran " + d.get("fiscalYear") + " sudah ditutup.";
            case "ALREADY_REVERSED" -> "Ditolak: entri ini sudah dibatalkan sebelumnya.";
            case "DATE_IN_FUTURE" -> "Ditolak: tanggal " + d.get("date") + " melewati hari ini (" + d.get("today") + ").";
            case "DATE_OUTSIDE_YEAR" -> "Ditolak: tanggal " + d.get("date") + " di luar tahun anggaran "
                    + d.get("fiscalYear") + ".";
            case "INVALID_AMOUNT" -> "Ditolak: jumlah harus lebih dari Rp 0 (rupiah utuh).";
            case "BELOW_REALISED" -> "Ditolak: perubahan akan membuat pagu di bawah realisasinya pada "
                    + belowRealised(d.get("lines")) + ".";
            case "TOTAL_CHANGED" -> "Ditolak: pergeseran tidak boleh mengubah total anggaran.";
            case "UNKNOWN_LINE" -> "Ditolak: baris anggaran " + d.get("lineId") + " tidak ada.";
            case "REQUIRED" -> "Ditolak: isian " + field(d.get("field")) + " wajib diisi.";
            case "YEAR_OUTSIDE_PLAN" -> "Ditolak: tahun " + d.get("year") + " di luar periode Renstra " + d.get("from")
                    + "–" + d.get("to") + ".";
            case "UNKNOWN_INDICATOR" -> "Ditolak: indikator tidak dikenal.";
            case "TOO_MANY_DECIMALS" -> "Ditolak: nilai paling banyak 2 angka desimal.";
            case "INVALID_VALUE" -> "Ditolak: nilai tidak boleh negatif atau terlalu besar.";
            case "TEXT_TOO_LONG" -> "Ditolak: teks terlalu panjang.";
            case "DUPLICATE_AMENDMENT", "DUPLICATE_ID" -> "Ditolak: nomor perubahan ini sudah dipakai.";
            case "NOTHING_CHANGED", "EMPTY_AMENDMENT" -> "Ditolak: tidak ada pagu yang berubah.";
            case "IDEMPOTENCY_CONFLICT" -> "Ditolak: kunci permintaan sudah dipakai untuk permintaan lain.";
            case "IMPORT_TOO_LARGE" -> "Ditolak: berkas ini terlalu besar untuk dicatat sekaligus (sekitar "
                    + d.get("megabytes") + " MB, paling banyak " + d.get("limitMegabytes") + " MB). Tidak ada yang "
                    + "dicatat; pecah berkas, misalnya satu berkas per tahun anggaran.";
            case "BUDGET_NOT_FOUND" -> "Belum ada anggaran (DPA) tahun " + d.get("fiscalYear") + " untuk organisasi ini.";
            case "PLAN_NOT_FOUND" -> "Belum ada Renstra organisasi ini yang mencakup tahun " + d.get("year") + ".";
            case "NO_PRINTED_REPORT" -> "Belum ada laporan LKjIP tercetak tahun " + d.get("year") + " yang diimpor.";
            case "INVALID_AS_OF" -> "Ditolak: waktu \u201cseperti pada\u201d harus berupa tanggal dan jam, mis. "
                    + "2023-12-31T23:59.";
            case "UNKNOWN_TABLE" -> "Ditolak: tabel " + d.get("tabel") + " tidak dikenal.";
            case "UNKNOWN_FORMAT" -> "Ditolak: format unduhan harus XLSX, CSV atau PDF.";
            case "INVALID_ID" -> "Ditolak: kode pada alamat atau isian tidak sah (hanya huruf, angka, titik, "
                    + "garis bawah dan tanda hubung).";
            case "INVALID_CHARACTER" -> "Ditolak: teks berisi karakter yang tidak diizinkan.";
            case "YEAR_IN_FUTURE" -> "Ditolak: tahun itu belum tiba.";
            case "UNKNOWN_PROCESSOR" -> "Ditolak: model baca " + d.get("processor") + " tidak dikenal.";
            case "INVALID_NIP" -> "Ditolak: NIP hanya berisi angka, boleh dikelompokkan dengan spasi (mis. "
                    + "19700101 199503 1 001).";
            case "SIGNATORY_UNCHANGED" -> "Ditolak: " + d.get("headName") + " sudah tercatat sebagai penandatangan "
                    + "dengan jabatan, NIP dan tempat yang sama; tidak ada yang berubah.";
            case "SIGNATORY_BEFORE_LAST_CHANGE" -> "Ditolak: tanggal menjabat " + d.get("effectiveDate")
                    + " sebelum penggantian penandatangan terakhir (" + d.get("lastChange") + ").";
            case "MISSING_PARAMETER" -> "Ditolak: isian yang diperlukan belum lengkap.";
            default -> switch (v.kind()) {
                case NOT_FOUND -> "Tidak ditemukan: data yang diminta belum tercatat (kode " + v.code() + ").";
                case INVALID -> "Ditolak: isian tidak dapat diterima (kode " + v.code() + ").";
                case RULE -> "Ditolak oleh aturan buku besar (kode " + v.code() + ").";
            };
        };
    }
}
