package id.sakip.ledger.performance.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import id.sakip.ledger.eventstore.ProjectionLag;
import id.sakip.ledger.eventstore.projection.AggregateHistory;
import id.sakip.ledger.eventstore.projection.ProjectionRebuilds;
import id.sakip.ledger.shared.ServiceUnavailable;
import id.sakip.ledger.performance.api.PlanId;
import id.sakip.ledger.shared.UnknownItem;

/**
 * Answers performance questions from the live plan books, or, with {@code asOf}, by folding each
 * Renstra's own events recorded up to that instant with the same {@link PlanBook} code.
 */
@Service
public class PerformanceQueries {

    private final PlanBookProjection live;
    private final AggregateHistory history;
    private final ProjectionLag lag;

    private final ProjectionRebuilds rebuilds;

    public PerformanceQueries(PlanBookProjection live, AggregateHistory history, ProjectionLag lag,
                              ProjectionRebuilds rebuilds) {
        this.live = live;
        this.history = history;
        this.lag = lag;
        this.rebuilds = rebuilds;
    }

    /** The organisation's plans as known at {@code asOf} (now when {@code null}), earliest first. */
    public List<PlanBook> plans(String organisationId, Instant asOf) {
        if (rebuilds.isRebuilding(PlanBookProjection.PROCESSOR)) {
            throw new ServiceUnavailable("REBUILDING", "The performance read model is being rebuilt from the log; "
                    + "ask again in a moment", Map.of("processor", PlanBookProjection.PROCESSOR,
                    "progress", rebuilds.status(PlanBookProjection.PROCESSOR)));
        }
        List<PlanBook> current = live.plansOf(organisationId);
        if (asOf == null) {
            current.sort(Comparator.comparingInt(p -> p.fromYear));
            return current;
        }
        List<PlanBook> folded = new ArrayList<>();
        for (PlanBook p : current) {
            PlanBook book = fold(organisationId, p.planId, asOf);
            if (book.isDefined()) {
                folded.add(book);
            }
        }
        folded.sort(Comparator.comparingInt(p -> p.fromYear));
        return folded;
    }

    public PlanBook fold(String organisationId, String planId, Instant asOf) {
        PlanBook book = new PlanBook();
        history.forEach(PlanId.of(organisationId, planId), asOf,
                m -> book.apply(m.getPayload(), PlanBookProjection.recorded(m)));
        return book;
    }

    /** The plan covering {@code year}, or a 404 naming the organisation and year. */
    public PlanBook planFor(String organisationId, int year, Instant asOf) {
        return plans(organisationId, asOf).stream().filter(p -> p.covers(year)).reduce((a, b) -> b)
                .orElseThrow(() -> new UnknownItem("PLAN_NOT_FOUND", "No Renstra of " + organisationId + " covers "
                        + year + (asOf == null ? "" : " as of " + asOf), Map.of("organisationId", organisationId,
                        "year", year)));
    }

    /**
     * The Renstra holding an indicator for a year, for routing commands. A plan defined a moment ago
     * may not be in the read model yet, so a miss waits briefly for the projections.
     */
    public String planIdOf(String organisationId, String indicatorId, int year) {
        for (int attempt = 0; attempt < 2; attempt++) {
            String any = null;
            for (PlanBook p : plans(organisationId, null)) {
                if (p.indicator(indicatorId) != null) {
                    if (p.covers(year)) {
                        return p.planId;
                    }
                    any = p.planId;
                }
            }
            if (any != null) {
                return any;
            }
            if (attempt == 0) {
                lag.awaitCaughtUp(Duration.ofSeconds(2));
            }
        }
        throw new UnknownItem("UNKNOWN_INDICATOR", "Indicator " + indicatorId + " is in no Renstra of "
                + organisationId, Map.of("indicatorId", indicatorId));
    }
}
