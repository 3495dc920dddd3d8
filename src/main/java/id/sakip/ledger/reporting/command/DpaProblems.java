package id.sakip.ledger.reporting.command;

import java.util.List;
import java.util.Map;

import id.sakip.ledger.shared.InvalidValue;

/** A DPA workbook refused whole, with every problem by sheet, row and column name, in Bahasa Indonesia. */
public class DpaProblems extends InvalidValue {

    /**
     * One problem: where in the workbook, and what is wrong there.
     *
     * @param row    the row number Excel shows, {@code null} for the whole sheet or workbook
     * @param column the column's heading as written in the workbook, {@code null} for a whole row
     * @param text   the whole problem in one sentence: "Sheet Realisasi, baris 14, kolom Jumlah: bukan angka: 'satu juta'"
     */
    public record Problem(String sheet, Integer row, String column, String message, String text) {

        static Problem of(String sheet, Integer row, String column, String message) {
            StringBuilder where = new StringBuilder();
            if (sheet != null) {
                where.append("Sheet ").append(sheet);
            }
            if (row != null) {
                where.append(where.isEmpty() ? "Baris " : ", baris ").append(row);
            }
            if (column != null) {
                where.append(where.isEmpty() ? "Kolom " : ", kolom ").append(column);
            }
            return new Problem(sheet, row, column, message, where.isEmpty() ? message : where + ": " + message);
        }
    }

    private final transient List<Problem> problems;

    public DpaProblems(List<Problem> problems) {
        super("INVALID_WORKBOOK", "Buku kerja tidak diimpor, tidak ada yang dicatat: " + problems.size()
                + " masalah ditemukan", Map.of("problems", problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
