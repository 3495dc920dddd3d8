package id.sakip.ledger.shared;

import java.util.Map;

/** A request that names a line, entry, indicator or budget the ledger does not know. */
public class UnknownItem extends RuleViolation {

    public UnknownItem(String code, String message, Map<String, Object> details) {
        super(code, Kind.NOT_FOUND, message, details);
    }
}
