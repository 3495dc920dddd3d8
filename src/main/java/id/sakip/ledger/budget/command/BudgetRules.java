package id.sakip.ledger.budget.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.sakip.ledger.shared.InvalidValue;
import id.sakip.ledger.shared.Rupiah;
import id.sakip.ledger.shared.RuleViolation;
import id.sakip.ledger.shared.UnknownItem;

/** The named refusals of the budget ledger. */
public final class BudgetRules {

    private BudgetRules() {
    }

    private static Map<String, Object> facts(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put((String) kv[i], kv[i + 1]);
            }
        }
        return m;
    }

    /** The line's realised total would exceed its current amount. */
    public static final class BudgetCeilingExceeded extends RuleViolation {
        public BudgetCeilingExceeded(String lineId, Rupiah budget, Rupiah realised, Rupiah requested) {
            super("BUDGET_CEILING_EXCEEDED", Kind.RULE, "Realisation of " + requested + " on line " + lineId
                            + " exceeds its remaining budget of " + budget.minus(realised) + " by "
                            + realised.plus(requested).minus(budget),
                    facts("lineId", lineId, "budget", budget.value(), "realised", realised.value(),
                            "remaining", budget.minus(realised).value(), "requested", requested.value(),
                            "excess", realised.plus(requested).minus(budget).value()));
        }
    }

    /** An amendment would set lines below what is already realised on them. */
    public static final class BelowRealised extends RuleViolation {
        public BelowRealised(List<Map<String, Object>> lines) {
            super("BELOW_REALISED", Kind.RULE, "The amendment would set " + lines.size()
                    + " line(s) below what is already realised on them", facts("lines", lines));
        }
    }

    /** A pergeseran (shift between lines) would change the organisation's total. */
    public static final class TotalChanged extends RuleViolation {
        public TotalChanged(Rupiah before, Rupiah after) {
            super("TOTAL_CHANGED", Kind.RULE, "A pergeseran must keep the total of " + before + " but would make it "
                    + after, facts("totalBefore", before.value(), "totalAfter", after.value()));
        }
    }

    /** The fiscal year is closed. */
    public static final class YearClosed extends RuleViolation {
        public YearClosed(int year) {
            super("YEAR_CLOSED", Kind.RULE, "Fiscal year " + year + " is closed", facts("fiscalYear", year));
        }
    }

    /** The entry was already reversed. */
    public static final class AlreadyReversed extends RuleViolation {
        public AlreadyReversed(String entryId) {
            super("ALREADY_REVERSED", Kind.RULE, "Entry " + entryId + " was already reversed",
                    facts("entryId", entryId));
        }
    }

    /** An idempotency key was reused for a different request. */
    public static final class IdempotencyConflict extends RuleViolation {
        public IdempotencyConflict(String key) {
            super("IDEMPOTENCY_CONFLICT", Kind.RULE, "Idempotency key '" + key
                    + "' was already used for a different request", facts("idempotencyKey", key));
        }
    }

    /** An entry id was already used. */
    public static final class DuplicateEntry extends RuleViolation {
        public DuplicateEntry(String entryId) {
            super("DUPLICATE_ENTRY", Kind.RULE, "Entry " + entryId + " already exists", facts("entryId", entryId));
        }
    }

    /** A line id was already used. */
    public static final class LineExists extends RuleViolation {
        public LineExists(String lineId) {
            super("LINE_EXISTS", Kind.RULE, "Line " + lineId + " already exists", facts("lineId", lineId));
        }
    }

    /** The amendment id was already used. */
    public static final class DuplicateAmendment extends RuleViolation {
        public DuplicateAmendment(String amendmentId) {
            super("DUPLICATE_AMENDMENT", Kind.RULE, "Amendment " + amendmentId + " already exists",
                    facts("amendmentId", amendmentId));
        }
    }

    /** The line is not in this budget. */
    public static final class UnknownLine extends UnknownItem {
        public UnknownLine(String lineId) {
            super("UNKNOWN_LINE", "Line " + lineId + " is not in this budget", facts("lineId", lineId));
        }
    }

    /** The activity is not in this budget. */
    public static final class UnknownActivity extends UnknownItem {
        public UnknownActivity(int activityNumber) {
            super("UNKNOWN_ACTIVITY", "Activity " + activityNumber + " is not in this budget",
                    facts("activityNumber", activityNumber));
        }
    }

    /** The entry is not in this budget. */
    public static final class UnknownEntry extends UnknownItem {
        public UnknownEntry(String entryId) {
            super("UNKNOWN_ENTRY", "Entry " + entryId + " is not in this budget", facts("entryId", entryId));
        }
    }

    static InvalidValue invalid(String code, String message) {
        return new InvalidValue(code, message);
    }

    static InvalidValue invalid(String code, String message, Object... kv) {
        return new InvalidValue(code, message, facts(kv));
    }
}
