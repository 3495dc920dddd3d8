package id.sakip.ledger.performance.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import id.sakip.ledger.performance.api.DefinePlan;
import id.sakip.ledger.performance.api.IndicatorRealisationCorrected;
import id.sakip.ledger.performance.api.IndicatorRealisationRecorded;
import id.sakip.ledger.performance.api.IndicatorTargetAmended;
import id.sakip.ledger.performance.api.IndicatorTargetSet;
import id.sakip.ledger.performance.api.PlanDefined;
import id.sakip.ledger.performance.api.PlanGoal;
import id.sakip.ledger.performance.api.PlanId;
import id.sakip.ledger.performance.api.PlanIndicator;
import id.sakip.ledger.performance.api.PlanObjective;
import id.sakip.ledger.performance.api.RecordIndicatorRealisation;
import id.sakip.ledger.performance.api.RecordSakipEvaluation;
import id.sakip.ledger.performance.api.RecordSurvey;
import id.sakip.ledger.performance.api.SakipEvaluationRecorded;
import id.sakip.ledger.performance.api.SetIndicatorTarget;
import id.sakip.ledger.performance.api.SurveyRecorded;
import id.sakip.ledger.performance.command.PlanRules.DuplicateSurvey;
import id.sakip.ledger.performance.command.PlanRules.UnknownIndicator;
import id.sakip.ledger.performance.command.PlanRules.WrongScale;
import id.sakip.ledger.performance.computation.GradingScale;
import id.sakip.ledger.performance.computation.PerformanceMath;
import id.sakip.ledger.shared.InvalidValue;
import id.sakip.ledger.shared.LedgerClock;

/**
 * One organisation's Renstra with its indicators' yearly targets and realisations. Values are
 * decimals ≥ 0 with at most 2 decimals, years lie inside the Renstra period, an amended target or a
 * corrected realisation keeps the old value in history and needs a reason.
 */
@Aggregate(cache = "aggregateCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class PerformancePlan {

    private static final int MAX_TEXT = 1_000;
    private static final BigDecimal MAX_VALUE = new BigDecimal("1000000000000");
    private static final int MAX_RESPONDENTS = 100_000;

    @AggregateIdentifier
    private String aggregateId;
    private String organisationId;
    private String planId;
    private int fromYear;
    private int toYear;
    private Map<String, GradingScale> indicators = new HashMap<>();
    private Map<String, BigDecimal> targets = new HashMap<>();
    private Map<String, BigDecimal> realisations = new HashMap<>();
    private Set<String> surveys = new HashSet<>();

    protected PerformancePlan() {
    }

    @CommandHandler
    public PerformancePlan(DefinePlan command) {
        requireText(command.organisationId(), "organisationId");
        requireText(command.planId(), "planId");
        if (command.fromYear() < 2000 || command.toYear() > 2100 || command.toYear() < command.fromYear()
                || command.toYear() - command.fromYear() > 10) {
            throw new InvalidValue("INVALID_PERIOD", "The Renstra period " + command.fromYear() + "-"
                    + command.toYear() + " must run forwards over at most 10 years");
        }
        if (command.goals() == null || command.goals().isEmpty()) {
            throw new InvalidValue("EMPTY_PLAN", "A Renstra needs at least one goal");
        }
        Set<String> ids = new HashSet<>();
        for (PlanGoal goal : command.goals()) {
            unique(goal.id(), ids);
            requireText(goal.name(), "goal name");
            for (PlanObjective objective : list(goal.objectives())) {
                unique(objective.id(), ids);
                requireText(objective.name(), "objective name");
                for (PlanIndicator indicator : list(objective.indicators())) {
                    unique(indicator.id(), ids);
                    requireText(indicator.name(), "indicator name");
                    if (indicator.direction() == null) {
                        throw new InvalidValue("REQUIRED", "Indicator " + indicator.id() + " needs a direction");
                    }
                }
            }
        }
        apply(new PlanDefined(command.organisationId(), command.planId(), command.fromYear(), command.toYear(),
                command.vision(), command.mission(), command.goals()));
    }

    @CommandHandler
    public String handle(SetIndicatorTarget command) {
        requireIndicator(command.indicatorId());
        requireYear(command.year());
        BigDecimal value = value(command.value(), "target");
        BigDecimal previous = targets.get(key(command.indicatorId(), command.year()));
        if (previous == null) {
            apply(new IndicatorTargetSet(organisationId, planId, command.indicatorId(), command.year(), value,
                    blankToNull(command.reason()), blankToNull(command.legalBasis())));
            return "SET";
        }
        if (previous.compareTo(value) == 0) {
            return "UNCHANGED";
        }
        requireText(command.reason(), "reason");
        requireText(command.legalBasis(), "legalBasis");
        apply(new IndicatorTargetAmended(organisationId, planId, command.indicatorId(), command.year(), previous,
                value, command.reason().strip(), command.legalBasis().strip()));
        return "AMENDED";
    }

    @CommandHandler
    public String handle(RecordIndicatorRealisation command, Clock clock) {
        requireIndicator(command.indicatorId());
        requireYear(command.year());
        requireNotFuture(command.year(), clock);
        BigDecimal value = value(command.value(), "realisation");
        requireText(command.source(), "source");
        return recordRealisation(command.indicatorId(), command.year(), value, command.source().strip(),
                blankToNull(command.evidence()), command.reason());
    }

    private String recordRealisation(String indicatorId, int year, BigDecimal value, String source, String evidence,
                                     String reason) {
        BigDecimal previous = realisations.get(key(indicatorId, year));
        if (previous == null) {
            apply(new IndicatorRealisationRecorded(organisationId, planId, indicatorId, year, value, source,
                    evidence));
            return "RECORDED";
        }
        if (previous.compareTo(value) == 0) {
            return "UNCHANGED";
        }
        requireText(reason, "reason");
        apply(new IndicatorRealisationCorrected(organisationId, planId, indicatorId, year, previous, value, source,
                evidence, reason.strip()));
        return "CORRECTED";
    }

    @CommandHandler
    public BigDecimal handle(RecordSurvey command, Clock clock) {
        requireIndicator(command.indicatorId());
        requireYear(command.year());
        requireNotFuture(command.year(), clock);
        requireText(command.surveyId(), "surveyId");
        if (surveys.contains(command.surveyId())) {
            throw new DuplicateSurvey(command.surveyId());
        }
        if (command.recordAsRealisation() && indicators.get(command.indicatorId()) != GradingScale.SKM) {
            throw new WrongScale(command.indicatorId(), "skm");
        }
        List<List<Integer>> responses = command.responses();
        if (responses == null || responses.isEmpty()) {
            throw new InvalidValue("NO_RESPONSES", "A survey needs at least one response");
        }
        if (responses.size() > MAX_RESPONDENTS) {
            throw new InvalidValue("TOO_MANY_RESPONSES", "At most " + MAX_RESPONDENTS + " responses per survey");
        }
        List<Integer[]> scores = new ArrayList<>(responses.size());
        for (int r = 0; r < responses.size(); r++) {
            List<Integer> response = responses.get(r);
            if (response == null || response.size() != PerformanceMath.SKM_ELEMENTS) {
                throw new InvalidValue("INVALID_RESPONSE", "Response " + (r + 1) + " must score all 9 elements "
                        + "(null for one not answered)");
            }
            for (Integer score : response) {
                if (score != null && (score < 1 || score > 4)) {
                    throw new InvalidValue("INVALID_RESPONSE", "Response " + (r + 1) + " has a score " + score
                            + "; scores are 1 to 4");
                }
            }
            scores.add(response.toArray(new Integer[0]));
        }
        BigDecimal skm;
        try {
            skm = PerformanceMath.skm(scores);
        } catch (IllegalArgumentException e) {
            throw new InvalidValue("INVALID_RESPONSE", e.getMessage());
        }
        GradingScale.Grade grade = GradingScale.SKM.grade(skm);
        apply(new SurveyRecorded(organisationId, planId, command.indicatorId(), command.year(), command.surveyId(),
                command.period(), responses.size(), responses, skm, grade == null ? null : grade.grade()));
        if (command.recordAsRealisation()) {
            recordRealisation(command.indicatorId(), command.year(), skm, "SKM survey " + command.surveyId(),
                    command.period(), "SKM computed from survey " + command.surveyId());
        }
        return skm;
    }

    @CommandHandler
    public BigDecimal handle(RecordSakipEvaluation command, Clock clock) {
        requireIndicator(command.indicatorId());
        requireYear(command.year());
        requireNotFuture(command.year(), clock);
        if (command.recordAsRealisation() && indicators.get(command.indicatorId()) != GradingScale.SAKIP) {
            throw new WrongScale(command.indicatorId(), "sakip");
        }
        BigDecimal perencanaan = component(command.perencanaan(), "perencanaan", 30);
        BigDecimal pengukuran = component(command.pengukuran(), "pengukuran", 30);
        BigDecimal pelaporan = component(command.pelaporan(), "pelaporan", 15);
        BigDecimal evaluasi = component(command.evaluasiInternal(), "evaluasiInternal", 25);
        BigDecimal total = PerformanceMath.sakipScore(perencanaan, pengukuran, pelaporan, evaluasi);
        GradingScale.Grade grade = GradingScale.SAKIP.grade(total);
        apply(new SakipEvaluationRecorded(organisationId, planId, command.indicatorId(), command.year(), perencanaan,
                pengukuran, pelaporan, evaluasi, total, grade == null ? null : grade.grade(),
                blankToNull(command.evidence())));
        if (command.recordAsRealisation()) {
            recordRealisation(command.indicatorId(), command.year(), total, "Evaluasi SAKIP (LKE AKIP)",
                    blankToNull(command.evidence()), "SAKIP evaluation recorded");
        }
        return total;
    }

    private static BigDecimal component(BigDecimal value, String name, int max) {
        BigDecimal v = value(value, name);
        if (v.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new InvalidValue("INVALID_VALUE", name + " is at most " + max);
        }
        return v;
    }

    private static String key(String indicatorId, int year) {
        return indicatorId + "#" + year;
    }

    private void requireIndicator(String indicatorId) {
        if (indicatorId == null || !indicators.containsKey(indicatorId)) {
            throw new UnknownIndicator(indicatorId);
        }
    }

    private void requireYear(int year) {
        if (year < fromYear || year > toYear) {
            throw new InvalidValue("YEAR_OUTSIDE_PLAN", "Year " + year + " is outside the Renstra period "
                    + fromYear + "-" + toYear, Map.of("year", year, "from", fromYear, "to", toYear));
        }
    }

    private static void requireNotFuture(int year, Clock clock) {
        int current = LedgerClock.today(clock).getYear();
        if (year > current) {
            throw new InvalidValue("YEAR_IN_FUTURE", "No realisation can be recorded for " + year + " before it "
                    + "has begun");
        }
    }

    /** A value ≥ 0 with at most 2 decimals, normalised to 2 decimals. */
    static BigDecimal value(BigDecimal value, String what) {
        if (value == null) {
            throw new InvalidValue("REQUIRED", what + " is required");
        }
        if (value.signum() < 0) {
            throw new InvalidValue("INVALID_VALUE", what + " must not be negative");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new InvalidValue("TOO_MANY_DECIMALS", what + " has more than 2 decimals");
        }
        if (value.compareTo(MAX_VALUE) >= 0) {
            throw new InvalidValue("INVALID_VALUE", what + " is too large");
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static void unique(String id, Set<String> ids) {
        requireText(id, "id");
        if (!ids.add(id)) {
            throw new InvalidValue("DUPLICATE_ID", id + " appears twice in the Renstra");
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidValue("REQUIRED", field + " is required", Map.of("field", field));
        }
        if (value.length() > MAX_TEXT) {
            throw new InvalidValue("TEXT_TOO_LONG", field + " is longer than " + MAX_TEXT + " characters");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }

    @EventSourcingHandler
    void on(PlanDefined e) {
        aggregateId = PlanId.of(e.organisationId(), e.planId());
        organisationId = e.organisationId();
        planId = e.planId();
        fromYear = e.fromYear();
        toYear = e.toYear();
        for (PlanGoal g : e.goals()) {
            for (PlanObjective o : list(g.objectives())) {
                for (PlanIndicator i : list(o.indicators())) {
                    indicators.put(i.id(), i.grading());
                }
            }
        }
    }

    @EventSourcingHandler
    void on(IndicatorTargetSet e) {
        targets.put(key(e.indicatorId(), e.year()), e.value());
    }

    @EventSourcingHandler
    void on(IndicatorTargetAmended e) {
        targets.put(key(e.indicatorId(), e.year()), e.value());
    }

    @EventSourcingHandler
    void on(IndicatorRealisationRecorded e) {
        realisations.put(key(e.indicatorId(), e.year()), e.value());
    }

    @EventSourcingHandler
    void on(IndicatorRealisationCorrected e) {
        realisations.put(key(e.indicatorId(), e.year()), e.value());
    }

    @EventSourcingHandler
    void on(SurveyRecorded e) {
        surveys.add(e.surveyId());
    }
}
