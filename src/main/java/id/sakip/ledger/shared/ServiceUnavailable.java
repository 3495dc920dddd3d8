package id.sakip.ledger.shared;

import java.util.Map;

/** The question cannot be answered right now, for a reason given (e.g. its read model is being rebuilt). */
public class ServiceUnavailable extends RuntimeException {

    private final String code;
    private final transient Map<String, Object> details;

    public ServiceUnavailable(String code, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = details == null ? Map.of() : Map.copyOf(details);
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
