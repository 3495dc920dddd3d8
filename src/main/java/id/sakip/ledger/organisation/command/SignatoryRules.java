package id.sakip.ledger.organisation.command;

import java.time.LocalDate;
import java.util.Map;

import id.sakip.ledger.shared.RuleViolation;

/** The named refusals of a change of who signs an organisation's reports. */
public final class SignatoryRules {

    private SignatoryRules() {
    }

    /** The change names the head, title, NIP and place already recorded: it would record nothing new. */
    public static final class SignatoryUnchanged extends RuleViolation {
        public SignatoryUnchanged(String organisationId, String headName) {
            super("SIGNATORY_UNCHANGED", Kind.RULE, headName + " already signs the reports of " + organisationId
                    + " with this title, NIP and place", Map.of("organisationId", organisationId, "headName", headName));
        }
    }

    /** The change would take effect before the last recorded change, which would rewrite who was in office. */
    public static final class EffectiveBeforeLastChange extends RuleViolation {
        public EffectiveBeforeLastChange(LocalDate effectiveDate, LocalDate lastChange) {
            super("SIGNATORY_BEFORE_LAST_CHANGE", Kind.RULE, "A change effective " + effectiveDate
                    + " is before the last change of the signer, effective " + lastChange,
                    Map.of("effectiveDate", effectiveDate.toString(), "lastChange", lastChange.toString()));
        }
    }
}
