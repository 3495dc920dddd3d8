package id.sakip.ledger.performance.api;

import java.util.List;

/** A goal (tujuan) of a Renstra, pursued through its objectives. */
public record PlanGoal(String id, String name, List<PlanObjective> objectives) {
}
