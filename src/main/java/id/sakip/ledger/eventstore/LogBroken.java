package id.sakip.ledger.eventstore;

import java.util.LinkedHashMap;
import java.util.Map;

import id.sakip.ledger.shared.ServiceUnavailable;

/** The stored log no longer matches its hash chain or a signed checkpoint, so the ledger records nothing more. */
public class LogBroken extends ServiceUnavailable {

    private final Long brokenAtSequence;
    private final String reason;

    public LogBroken(Long brokenAtSequence, String reason) {
        super("LOG_BROKEN", "The event log is broken" + (brokenAtSequence == null ? "" : " at commit " + brokenAtSequence)
                + ": " + reason + ". Nothing is recorded until it is restored from a backup", details(brokenAtSequence, reason));
        this.brokenAtSequence = brokenAtSequence;
        this.reason = reason;
    }

    private static Map<String, Object> details(Long sequence, String reason) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (sequence != null) {
            details.put("brokenAtSequence", sequence);
        }
        details.put("reason", reason);
        return details;
    }

    public Long brokenAtSequence() {
        return brokenAtSequence;
    }

    public String reason() {
        return reason;
    }
}
