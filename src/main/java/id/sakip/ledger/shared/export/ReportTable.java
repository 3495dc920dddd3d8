package id.sakip.ledger.shared.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One table of a report as it is printed or downloaded: a title, typed columns and rows of cells.
 * Cells hold the exact figures (rupiah as {@code Long}, percentages as {@code BigDecimal}); each
 * format decides only how to show them.
 */
public record ReportTable(String title, String subtitle, List<Column> columns, List<List<Object>> rows,
                          List<Integer> totalRows) {

    /**
     * What a column holds, which decides its cell type and number format: {@code NUMBER} is a figure shown at
     * its own precision (a {@code BigDecimal}'s scale), {@code YEAR} a calendar year without grouping (2026).
     */
    public enum Kind {
        TEXT, INTEGER, RUPIAH, PERCENT, DECIMAL, NUMBER, YEAR
    }

    /** A column heading and its kind. */
    public record Column(String heading, Kind kind) {
    }

    public ReportTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new ArrayList<>(r))).toList();
        totalRows = List.copyOf(totalRows);
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(title + ": a row has " + row.size() + " cells for "
                        + columns.size() + " columns");
            }
        }
    }

    /** Builds a table row by row. */
    public static Builder titled(String title) {
        return new Builder(title);
    }

    /** Collects columns and rows. */
    public static final class Builder {
        private final String title;
        private String subtitle;
        private final List<Column> columns = new ArrayList<>();
        private final List<List<Object>> rows = new ArrayList<>();
        private final List<Integer> totals = new ArrayList<>();

        private Builder(String title) {
            this.title = title;
        }

        public Builder subtitle(String text) {
            this.subtitle = text;
            return this;
        }

        public Builder column(String heading, Kind kind) {
            columns.add(new Column(heading, kind));
            return this;
        }

        public Builder row(Object... cells) {
            rows.add(Arrays.asList(cells));
            return this;
        }

        /** A row that sums the ones above it; shown in bold. */
        public Builder totalRow(Object... cells) {
            totals.add(rows.size());
            return row(cells);
        }

        public ReportTable build() {
            return new ReportTable(title, subtitle, columns, rows, totals);
        }
    }
}
