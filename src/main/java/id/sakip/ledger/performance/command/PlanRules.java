package id.sakip.ledger.performance.command;

import java.util.Map;

import id.sakip.ledger.shared.RuleViolation;
import id.sakip.ledger.shared.UnknownItem;

/** The named refusals of the performance ledger. */
public final class PlanRules {

    private PlanRules() {
    }

    /** The indicator is not in this Renstra. */
    public static final class UnknownIndicator extends UnknownItem {
        public UnknownIndicator(String indicatorId) {
            super("UNKNOWN_INDICATOR", "Indicator " + indicatorId + " is not in this Renstra",
                    Map.of("indicatorId", String.valueOf(indicatorId)));
        }
    }

    /** A survey id was already used. */
    public static final class DuplicateSurvey extends RuleViolation {
        public DuplicateSurvey(String surveyId) {
            super("DUPLICATE_SURVEY", Kind.RULE, "Survey " + surveyId + " was already recorded",
                    Map.of("surveyId", surveyId));
        }
    }

    /** The indicator is not graded on the scale a survey or evaluation would record. */
    public static final class WrongScale extends RuleViolation {
        public WrongScale(String indicatorId, String scale) {
            super("WRONG_SCALE", Kind.RULE, "Indicator " + indicatorId + " is not graded on the " + scale
                    + " scale", Map.of("indicatorId", indicatorId, "scale", scale));
        }
    }
}
