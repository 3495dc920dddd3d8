package id.sakip.ledger.performance.api;

import java.util.List;

import org.axonframework.serialization.Revision;

/** An organisation's Renstra was defined with these goals, objectives and indicators. */
@Revision("1")
public record PlanDefined(String organisationId, String planId, int fromYear, int toYear, String vision,
                          String mission, List<PlanGoal> goals) {
}
