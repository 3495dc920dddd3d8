package id.sakip.ledger.shared;

import java.util.Map;

/** A request value that can never be valid (negative amount, date outside the year, blank reason …). */
public class InvalidValue extends RuleViolation {

    public InvalidValue(String code, String message) {
        super(code, Kind.INVALID, message, Map.of());
    }

    public InvalidValue(String code, String message, Map<String, Object> details) {
        super(code, Kind.INVALID, message, details);
    }
}
