package id.sakip.ledger.reporting.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import id.sakip.ledger.reporting.api.PrintedReportRecorded;
import id.sakip.ledger.reporting.api.PrintedTable;
import id.sakip.ledger.reporting.api.PublishedReportId;
import id.sakip.ledger.reporting.api.RecordPrintedReport;
import id.sakip.ledger.shared.InvalidValue;

/** A published LKjIP whose printed figures the ledger keeps for reconciliation; recorded once. */
@Aggregate(cache = "aggregateCache")
public class PublishedReport {

    @AggregateIdentifier
    private String id;

    protected PublishedReport() {
    }

    @CommandHandler
    public PublishedReport(RecordPrintedReport command) {
        if (command.tables() == null || command.tables().isEmpty()) {
            throw new InvalidValue("REQUIRED", "There are no printed figures to record");
        }
        for (PrintedTable table : command.tables()) {
            if (table.year() != command.year()) {
                throw new InvalidValue("PRINTED_TABLE_OF_ANOTHER_YEAR", "Printed table " + table.label() + " is of "
                        + table.year() + ", not of the LKjIP " + command.year(),
                        java.util.Map.of("label", table.label(), "year", table.year(), "reportYear", command.year()));
            }
        }
        apply(new PrintedReportRecorded(command.organisationId(), command.year(), command.source(),
                command.tables()));
    }

    @EventSourcingHandler
    void on(PrintedReportRecorded e) {
        id = PublishedReportId.of(e.organisationId(), e.year());
    }
}
