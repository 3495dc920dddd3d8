package id.sakip.ledger.reporting.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * The rows of the reconciliation in the words of the LKjIP ({@code ${@rec.table(d.table)}}): "Tabel 3.9
 * Realisasi anggaran", "sebelum pegawai", instead of the data file's keys.
 */
@Component("rec")
public class ReconciliationLabels {

    private static final Pattern TABLE = Pattern.compile("(table|section)_(\\d+)_(\\d+)(?:_(.*))?");

    private static final Map<String, String> TITLES = Map.of(
            "2.4", "Perjanjian Kinerja (pagu program)", "2.5", "Pagu per program", "2.6", "Perubahan anggaran",
            "3.2", "Capaian kinerja", "3.3", "Perbandingan antartahun", "3.4", "Kemajuan terhadap target Renstra",
            "3.7", "Efisiensi penggunaan sumber daya", "3.9", "Realisasi anggaran");

    private static final Map<String, String> KINDS = Map.of(
            "indicator_achievement", "Capaian kinerja", "objective_achievement", "Capaian sasaran",
            "indicator_comparison", "Perbandingan antartahun", "renstra_progress", "Kemajuan terhadap target Renstra",
            "efficiency", "Efisiensi penggunaan sumber daya", "budget_realisation", "Realisasi anggaran",
            "program_budgets", "Pagu per program", "class_split", "Komposisi belanja",
            "budget_amendment", "Perubahan anggaran");

    /**
     * A printed table as the report names it: Jiken's keyed tables by their key ("Tabel 3.9 Realisasi
     * anggaran"), a table of the list form by its own label and the Indonesian name of its kind
     * ("Tabel 3.5 Capaian kinerja").
     */
    public static String tableName(String label, String kind, String key) {
        if (key != null && TABLE.matcher(key).matches()) {
            return tableName(key);
        }
        String named = KINDS.getOrDefault(kind, kind == null ? "" : kind.replace('_', ' '));
        return ((label == null ? "" : label) + " " + named).strip();
    }

    /** "table_3_9_budget_realisation" as "Tabel 3.9 Realisasi anggaran". */
    public static String tableName(String key) {
        if (key == null) {
            return "";
        }
        Matcher m = TABLE.matcher(key);
        if (!m.matches()) {
            return key.replace('_', ' ');
        }
        String number = m.group(2) + "." + m.group(3);
        if ("section".equals(m.group(1))) {
            return "Bagian " + number + ("spending_split".equals(m.group(4)) ? " Komposisi belanja" : "");
        }
        String title = TITLES.getOrDefault(number, "");
        String rest = m.group(4);
        if (rest != null && rest.matches("\\d{4}")) {
            title = title + " " + rest;
        } else if (rest != null && rest.startsWith("progress_to_")) {
            title = title + " " + rest.substring("progress_to_".length());
        }
        return ("Tabel " + number + " " + title).strip();
    }

    /** "before pegawai" as "sebelum pegawai", "line 2 anggaran" as "baris 2 anggaran". */
    public static String itemName(String item) {
        if (item == null) {
            return "";
        }
        String text = item.replace("(all spending other than pegawai)", "(seluruh belanja selain pegawai)")
                .replace("barang_jasa", "barang dan jasa").replace('_', ' ');
        StringBuilder words = new StringBuilder();
        for (String word : text.split(" ")) {
            if (words.length() > 0) {
                words.append(' ');
            }
            words.append(switch (word) {
                case "before" -> "sebelum";
                case "after" -> "sesudah";
                case "line" -> "baris";
                case "total" -> "jumlah";
                default -> word;
            });
        }
        return words.toString();
    }

    public String table(String key) {
        return tableName(key);
    }

    public String table(String label, String kind, String key) {
        return tableName(label, kind, key);
    }

    public String item(String item) {
        return itemName(item);
    }
}
