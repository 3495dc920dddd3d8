package id.sakip.ledger.shared;

import java.util.Map;

/** The authenticated user may not do this (wrong role, or another organisation). */
public class AccessDenied extends RuntimeException {

    private final transient Map<String, Object> details;

    public AccessDenied(String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.details = details == null ? Map.of() : Map.copyOf(details);
    }

    public Map<String, Object> details() {
        return details;
    }
}
