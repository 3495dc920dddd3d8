package id.sakip.ledger.reporting.command;

import java.util.List;
import java.util.Map;

import id.sakip.ledger.shared.InvalidValue;

/** An LKjIP file refused whole, with every problem and its path in the file. */
public class LkjipProblems extends InvalidValue {

    /** One problem: where in the file, and what is wrong there. */
    public record Problem(String path, String message) {
    }

    private final transient List<Problem> problems;

    public LkjipProblems(List<Problem> problems) {
        super("INVALID_IMPORT", "Berkas tidak diimpor: " + problems.size() + " masalah ditemukan",
                Map.of("problems", problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
