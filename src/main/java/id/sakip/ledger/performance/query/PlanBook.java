package id.sakip.ledger.performance.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import id.sakip.ledger.performance.api.IndicatorRealisationCorrected;
import id.sakip.ledger.performance.api.IndicatorRealisationRecorded;
import id.sakip.ledger.performance.api.IndicatorTargetAmended;
import id.sakip.ledger.performance.api.IndicatorTargetSet;
import id.sakip.ledger.performance.api.PlanDefined;
import id.sakip.ledger.performance.api.PlanGoal;
import id.sakip.ledger.performance.api.PlanIndicator;
import id.sakip.ledger.performance.api.PlanObjective;
import id.sakip.ledger.performance.api.SakipEvaluationRecorded;
import id.sakip.ledger.performance.api.SurveyRecorded;
import id.sakip.ledger.performance.computation.Direction;
import id.sakip.ledger.performance.computation.GradingScale;

/**
 * The folded state of one Renstra: its tree, each indicator's current target and realisation per
 * year, and every change with who made it, when and why. {@link #apply} is a pure fold step used by
 * the live read model and by {@code asOf} questions alike.
 */
public final class PlanBook {

    public String organisationId;
    public String planId;
    public int fromYear;
    public int toYear;
    public String vision;
    public String mission;
    public long events;
    public Instant lastRecordedAt;
    public List<GoalInfo> goals = new ArrayList<>();
    public List<IndicatorBook> indicators = new ArrayList<>();

    /** A goal and its objectives. */
    public record GoalInfo(String id, String name, List<ObjectiveInfo> objectives) {
    }

    /** An objective and its indicator ids. */
    public record ObjectiveInfo(String id, String name, List<String> indicatorIds) {
    }

    /** A change of a target or realisation. */
    public record Change(int year, String kind, BigDecimal previous, BigDecimal value, String reason,
                         String legalBasis, String source, String evidence, Instant recordedAt, String actor) {
    }

    /** A survey or SAKIP evaluation recorded for an indicator. */
    public record Assessment(int year, String kind, String id, BigDecimal score, String grade, int respondents,
                             Map<String, BigDecimal> components, Instant recordedAt, String actor) {
    }

    /** One indicator with its yearly values and history. */
    public static final class IndicatorBook {
        public String id;
        public String name;
        public String unit;
        public Direction direction;
        public GradingScale grading;
        public String goalId;
        public String objectiveId;
        public String objectiveName;
        public String dataSource;
        public Map<Integer, BigDecimal> targets = new TreeMap<>();
        public Map<Integer, BigDecimal> realisations = new TreeMap<>();
        public List<Change> history = new ArrayList<>();
        public List<Assessment> assessments = new ArrayList<>();
    }

    /** Who recorded an event and when. */
    public record Recorded(Instant at, String actor) {
    }

    public boolean isDefined() {
        return planId != null;
    }

    public boolean covers(int year) {
        return isDefined() && year >= fromYear && year <= toYear;
    }

    public IndicatorBook indicator(String id) {
        for (IndicatorBook i : indicators) {
            if (i.id.equals(id)) {
                return i;
            }
        }
        return null;
    }

    public PlanBook apply(Object event, Recorded recorded) {
        Instant at = recorded == null ? null : recorded.at();
        String actor = recorded == null ? null : recorded.actor();
        if (event instanceof PlanDefined e) {
            defined(e);
        } else if (event instanceof IndicatorTargetSet e) {
            IndicatorBook i = indicator(e.indicatorId());
            i.targets.put(e.year(), e.value());
            i.history.add(new Change(e.year(), "TARGET_SET", null, e.value(), e.reason(), e.legalBasis(), null, null,
                    at, actor));
        } else if (event instanceof IndicatorTargetAmended e) {
            IndicatorBook i = indicator(e.indicatorId());
            i.targets.put(e.year(), e.value());
            i.history.add(new Change(e.year(), "TARGET_AMENDED", e.previous(), e.value(), e.reason(), e.legalBasis(),
                    null, null, at, actor));
        } else if (event instanceof IndicatorRealisationRecorded e) {
            IndicatorBook i = indicator(e.indicatorId());
            i.realisations.put(e.year(), e.value());
            i.history.add(new Change(e.year(), "REALISATION_RECORDED", null, e.value(), null, null, e.source(),
                    e.evidence(), at, actor));
        } else if (event instanceof IndicatorRealisationCorrected e) {
            IndicatorBook i = indicator(e.indicatorId());
            i.realisations.put(e.year(), e.value());
            i.history.add(new Change(e.year(), "REALISATION_CORRECTED", e.previous(), e.value(), e.reason(), null,
                    e.source(), e.evidence(), at, actor));
        } else if (event instanceof SurveyRecorded e) {
            indicator(e.indicatorId()).assessments.add(new Assessment(e.year(), "SKM", e.surveyId(), e.skm(),
                    e.grade(), e.respondents(), Map.of(), at, actor));
        } else if (event instanceof SakipEvaluationRecorded e) {
            Map<String, BigDecimal> components = new LinkedHashMap<>();
            components.put("perencanaan", e.perencanaan());
            components.put("pengukuran", e.pengukuran());
            components.put("pelaporan", e.pelaporan());
            components.put("evaluasiInternal", e.evaluasiInternal());
            indicator(e.indicatorId()).assessments.add(new Assessment(e.year(), "SAKIP", null, e.total(),
                    e.predicate(), 0, components, at, actor));
        } else {
            return this;
        }
        events++;
        if (at != null) {
            lastRecordedAt = at;
        }
        return this;
    }

    private void defined(PlanDefined e) {
        organisationId = e.organisationId();
        planId = e.planId();
        fromYear = e.fromYear();
        toYear = e.toYear();
        vision = e.vision();
        mission = e.mission();
        for (PlanGoal g : e.goals()) {
            List<ObjectiveInfo> objectives = new ArrayList<>();
            for (PlanObjective o : g.objectives() == null ? List.<PlanObjective>of() : g.objectives()) {
                List<String> ids = new ArrayList<>();
                for (PlanIndicator p : o.indicators() == null ? List.<PlanIndicator>of() : o.indicators()) {
                    IndicatorBook i = new IndicatorBook();
                    i.id = p.id();
                    i.name = p.name();
                    i.unit = p.unit();
                    i.direction = p.direction();
                    i.grading = p.grading();
                    i.goalId = g.id();
                    i.objectiveId = o.id();
                    i.objectiveName = o.name();
                    i.dataSource = p.dataSource();
                    indicators.add(i);
                    ids.add(p.id());
                }
                objectives.add(new ObjectiveInfo(o.id(), o.name(), ids));
            }
            goals.add(new GoalInfo(g.id(), g.name(), objectives));
        }
    }
}
