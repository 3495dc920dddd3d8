package id.sakip.ledger.reporting.api;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import id.sakip.ledger.eventstore.metadata.OrganisationScoped;

/**
 * Record what a published LKjIP of a year printed, table by table, so the ledger can reconcile the
 * report against what it computes from the same inputs.
 *
 * @param source the document the figures were transcribed from (e.g. an import's file digest)
 * @param tables the printed tables of that year, verbatim
 */
public record RecordPrintedReport(String organisationId, int year, String source, List<PrintedTable> tables)
        implements OrganisationScoped {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PublishedReportId.of(organisationId, year);
    }
}
