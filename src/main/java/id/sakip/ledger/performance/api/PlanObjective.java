package id.sakip.ledger.performance.api;

import java.util.List;

/** An objective (sasaran) of a Renstra goal, measured by its indicators. */
public record PlanObjective(String id, String name, List<PlanIndicator> indicators) {
}
