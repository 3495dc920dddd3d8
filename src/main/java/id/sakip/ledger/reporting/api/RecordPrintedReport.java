package id.sakip.ledger.reporting.api;

import java.util.Map;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import id.sakip.ledger.eventstore.metadata.OrganisationScoped;

/**
 * Record what a published LKjIP printed, figure by figure, so the ledger can reconcile the report
 * against what it computes from the same inputs.
 *
 * @param source    the document the figures were transcribed from (e.g. an import's file digest)
 * @param printed   the printed figures, table by table, verbatim
 * @param amendment the printed budget amendment by economic class (Table 2.6), may be {@code null}
 */
public record RecordPrintedReport(String organisationId, int year, String source, Map<String, Object> printed,
                                  Map<String, Object> amendment) implements OrganisationScoped {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PublishedReportId.of(organisationId, year);
    }
}
