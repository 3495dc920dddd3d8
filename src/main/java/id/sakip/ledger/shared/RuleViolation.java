package id.sakip.ledger.shared;

import java.util.Map;

/**
 * A command refused by a business rule. {@link #code()} names the rule (e.g. {@code YEAR_CLOSED});
 * {@link #kind()} tells whether the request broke a rule, carried invalid values or named
 * something unknown; {@link #details()} gives the figures a person needs to understand it.
 */
public abstract class RuleViolation extends RuntimeException {

    /** What sort of refusal: a rule of the ledger, an invalid value, or an unknown id. */
    public enum Kind { RULE, INVALID, NOT_FOUND }

    private final String code;
    private final Kind kind;
    private final transient Map<String, Object> details;

    protected RuleViolation(String code, Kind kind, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.code = code;
        this.kind = kind;
        this.details = details == null ? Map.of() : Map.copyOf(details);
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    public Map<String, Object> details() {
        return details;
    }
}
