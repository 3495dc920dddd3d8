package id.sakip.ledger.performance.api;

import id.sakip.ledger.performance.computation.Direction;
import id.sakip.ledger.performance.computation.GradingScale;

/**
 * A key performance indicator (IKU) of a Renstra objective.
 *
 * @param id          indicator id, unique in the organisation (e.g. IKU-1)
 * @param name        what is measured
 * @param unit        unit of its values
 * @param direction   whether higher or lower is better
 * @param calculation how multi-period values accumulate (e.g. kumulatif)
 * @param grading     the scale its realisation is graded on, {@code null} for none
 * @param dataSource  where realisations come from
 * @param formula     how it is computed
 */
public record PlanIndicator(String id, String name, String unit, Direction direction, String calculation,
                            GradingScale grading, String dataSource, String formula) {
}
