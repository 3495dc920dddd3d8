package id.sakip.ledger.reporting.command;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import id.sakip.ledger.eventstore.metadata.LedgerCommands;
import id.sakip.ledger.eventstore.projection.AggregateHistory;
import id.sakip.ledger.performance.api.DefinePlan;
import id.sakip.ledger.performance.api.PlanDefined;
import id.sakip.ledger.performance.api.PlanGoal;
import id.sakip.ledger.performance.api.PlanId;
import id.sakip.ledger.performance.api.PlanIndicator;
import id.sakip.ledger.performance.api.PlanObjective;
import id.sakip.ledger.performance.api.RecordIndicatorRealisation;
import id.sakip.ledger.performance.api.SetIndicatorTarget;
import id.sakip.ledger.performance.computation.Direction;
import id.sakip.ledger.performance.computation.GradingScale;
import id.sakip.ledger.reporting.command.LkjipDocument.Goal;
import id.sakip.ledger.reporting.command.LkjipDocument.Indicator;
import id.sakip.ledger.reporting.command.LkjipDocument.Objective;
import id.sakip.ledger.reporting.command.LkjipDocument.PlanPart;

/**
 * Records the file's {@code strategic_plan}: the Renstra, then every yearly target and realisation as
 * its own event. Setting the same value again changes nothing, so a re-import appends nothing.
 */
@Component
@org.springframework.core.annotation.Order(10)
public class PlanImportStep implements LkjipImporter.ImportStep {

    private final AggregateHistory history;

    public PlanImportStep(AggregateHistory history) {
        this.history = history;
    }

    @Override
    public List<String> aggregateIds(LkjipDocument document) {
        return document.plan() == null ? List.of() : List.of(PlanId.of(document.organisation().id(),
                document.plan().id()));
    }

    @Override
    public void check(LkjipDocument document) {
        PlanPart plan = document.plan();
        if (plan == null) {
            return;
        }
        List<PlanDefined> defined = new ArrayList<>();
        history.forEach(PlanId.of(document.organisation().id(), plan.id()), null, m -> {
            if (m.getPayload() instanceof PlanDefined d) {
                defined.add(d);
            }
        });
        if (!defined.isEmpty() && !defined.get(0).goals().equals(goals(plan))) {
            throw new LkjipImporter.ImportConflict("Renstra " + plan.id() + " of " + document.organisation().id()
                    + " is already defined with other goals, objectives or indicators; amend it instead");
        }
    }

    @Override
    public void record(LkjipDocument document, LedgerCommands commands, String correlationId) {
        PlanPart plan = document.plan();
        if (plan == null) {
            return;
        }
        String org = document.organisation().id();
        LedgerCommands.Context context = new LedgerCommands.Context(org, correlationId, null, null);
        if (!history.exists(PlanId.of(org, plan.id()))) {
            commands.send(new DefinePlan(org, plan.id(), plan.from(), plan.to(), plan.vision(), plan.mission(),
                    goals(plan)), context);
        }
        for (Goal g : plan.goals()) {
            for (Objective o : g.objectives()) {
                for (Indicator i : o.indicators()) {
                    for (Map.Entry<Integer, BigDecimal> t : i.targets().entrySet()) {
                        commands.send(new SetIndicatorTarget(org, plan.id(), i.id(), t.getKey(), t.getValue(),
                                "Renstra " + plan.id(), "LKjIP import sha256:" + document.digest()), context);
                    }
                    for (Map.Entry<Integer, BigDecimal> r : i.realisations().entrySet()) {
                        commands.send(new RecordIndicatorRealisation(org, plan.id(), i.id(), r.getKey(), r.getValue(),
                                i.dataSource() == null ? "LKjIP" : i.dataSource(), "LKjIP import sha256:"
                                + document.digest(), "LKjIP import"), context);
                    }
                }
            }
        }
    }

    private static List<PlanGoal> goals(PlanPart plan) {
        List<PlanGoal> goals = new ArrayList<>();
        for (Goal g : plan.goals()) {
            List<PlanObjective> objectives = new ArrayList<>();
            for (Objective o : g.objectives()) {
                List<PlanIndicator> indicators = new ArrayList<>();
                for (Indicator i : o.indicators()) {
                    indicators.add(new PlanIndicator(i.id(), i.name(), i.unit(), Direction.fromCode(i.direction()),
                            i.calculation(), i.grading() == null ? null : GradingScale.fromCode(i.grading()),
                            i.dataSource(), i.formula()));
                }
                objectives.add(new PlanObjective(o.id(), o.name(), indicators));
            }
            goals.add(new PlanGoal(g.id(), g.name(), objectives));
        }
        return goals;
    }

    @Override
    public Map<String, Object> summary(LkjipDocument document) {
        Map<String, Object> s = new LinkedHashMap<>();
        if (document.plan() != null) {
            List<Indicator> indicators = document.plan().goals().stream().flatMap(g -> g.objectives().stream())
                    .flatMap(o -> o.indicators().stream()).toList();
            s.put("renstra", document.plan().id() + " (" + document.plan().from() + "-" + document.plan().to() + ")");
            s.put("indicators", indicators.size());
            s.put("targets", indicators.stream().mapToInt(i -> i.targets().size()).sum());
            s.put("indicatorRealisations", indicators.stream().mapToInt(i -> i.realisations().size()).sum());
        }
        return s;
    }

    @Override
    public String label() {
        return "rencana strategis dan capaian kinerja";
    }
}
