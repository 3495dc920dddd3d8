package id.sakip.ledger.reporting.api;

import java.util.List;
import java.util.Map;

/**
 * One table a published LKjIP printed, named by the report's own label and by what it means, with its
 * figures verbatim (numbers as numbers, printed decimals as the text the report shows, e.g. "96,66").
 *
 * @param label the report's own name of the table, e.g. "Tabel 3.5"
 * @param kind  what the table means, one of {@link #KINDS}
 * @param year  the year of the LKjIP the table reports on
 * @param key   the table's key in a file of the older keyed form (e.g. {@code table_3_2_2023}), else {@code null}
 * @param rows  the figures as printed, in the shape of the kind
 */
public record PrintedTable(String label, String kind, int year, String key, Map<String, Object> rows) {

    /** The kinds of printed table the reconciliation understands. */
    public static final List<String> KINDS = List.of("indicator_achievement", "objective_achievement",
            "indicator_comparison", "renstra_progress", "efficiency", "budget_realisation", "program_budgets",
            "class_split", "budget_amendment");

    /** How findings name the table: its key in a keyed file, else its label. */
    public String name() {
        return key != null ? key : label;
    }
}
