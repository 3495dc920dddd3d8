package id.sakip.ledger.reporting.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.sakip.ledger.reporting.api.PrintedTable;

/**
 * The keyed {@code printed:} form (Jiken's table names such as {@code table_3_2_2023}, and the separate
 * {@code amendment:}) read as tables by meaning. The parser and the revision-1 upcaster share it, so a
 * keyed file imported today and one recorded before the list form reconcile alike.
 */
public final class PrintedTables {

    /** What a keyed table that names no known kind is recorded as; the reconciliation lists it as not compared. */
    public static final String UNRECOGNISED = "unrecognised";

    private static final Pattern TABLE = Pattern.compile("table_(\\d+)_(\\d+)(?:_(.*))?");

    private PrintedTables() {
    }

    /** The tables of a keyed {@code printed:} map and its {@code amendment:}, for a report of {@code year}. */
    @SuppressWarnings("unchecked")
    public static List<PrintedTable> fromKeyed(Map<String, Object> printed, Map<String, Object> amendment, int year) {
        List<PrintedTable> tables = new ArrayList<>();
        if (printed != null) {
            for (Map.Entry<String, Object> e : printed.entrySet()) {
                Map<String, Object> rows = e.getValue() instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
                tables.add(keyed(e.getKey(), rows, year));
            }
        }
        if (amendment != null && !amendment.isEmpty()) {
            tables.add(new PrintedTable("Tabel 2.6", "budget_amendment", year, "table_2_6_amendment", amendment));
        }
        return tables;
    }

    private static PrintedTable keyed(String key, Map<String, Object> rows, int year) {
        if (key.equals("section_3_3_spending_split")) {
            return new PrintedTable("Bab 3.3", "class_split", year, key, rows);
        }
        Matcher m = TABLE.matcher(key);
        if (!m.matches()) {
            return new PrintedTable(key, UNRECOGNISED, year, key, rows);
        }
        String label = "Tabel " + m.group(1) + "." + m.group(2);
        String rest = m.group(3) == null ? "" : m.group(3);
        String kind = switch (m.group(1) + "." + m.group(2)) {
            case "2.4", "2.5" -> "program_budgets";
            case "2.6" -> "budget_amendment";
            case "3.2" -> "indicator_achievement";
            case "3.3" -> "indicator_comparison";
            case "3.4" -> "renstra_progress";
            case "3.7" -> "efficiency";
            case "3.9" -> "budget_realisation";
            default -> UNRECOGNISED;
        };
        int tableYear = kind.equals("indicator_achievement") && rest.matches("\\d{4}") ? Integer.parseInt(rest)
                : year;
        return new PrintedTable(label, kind, tableYear, key, rows);
    }
}
