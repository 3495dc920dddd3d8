package id.sakip.ledger.reporting.command;

import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import id.sakip.ledger.eventstore.metadata.LedgerCommands;
import id.sakip.ledger.eventstore.projection.AggregateHistory;
import id.sakip.ledger.reporting.api.PublishedReportId;
import id.sakip.ledger.reporting.api.RecordPrintedReport;

/** Records the file's {@code printed:} and {@code amendment:} sections once, for reconciliation. */
@Component
@Order(20)
public class PrintedReportImportStep implements LkjipImporter.ImportStep {

    private final AggregateHistory history;

    public PrintedReportImportStep(AggregateHistory history) {
        this.history = history;
    }

    private static boolean applies(LkjipDocument document) {
        return document.printed() != null && document.budget() != null;
    }

    @Override
    public List<String> aggregateIds(LkjipDocument document) {
        return applies(document) ? List.of(PublishedReportId.of(document.organisation().id(),
                document.budget().fiscalYear())) : List.of();
    }

    @Override
    public void check(LkjipDocument document) {
        if (!applies(document)) {
            return;
        }
        String id = PublishedReportId.of(document.organisation().id(), document.budget().fiscalYear());
        history.forEach(id, null, m -> {
            if (m.getPayload() instanceof id.sakip.ledger.reporting.api.PrintedReportRecorded r
                    && !LkjipImporter.source(document).equals(r.source())) {
                throw new LkjipImporter.ImportConflict("The printed figures of the " + document.budget().fiscalYear()
                        + " LKjIP of " + document.organisation().id() + " were already recorded from " + r.source());
            }
        });
    }

    @Override
    public void record(LkjipDocument document, LedgerCommands commands, String correlationId) {
        if (!applies(document)) {
            return;
        }
        String org = document.organisation().id();
        int year = document.budget().fiscalYear();
        if (!history.exists(PublishedReportId.of(org, year))) {
            commands.send(new RecordPrintedReport(org, year, LkjipImporter.source(document), document.printed(),
                    document.amendment()), new LedgerCommands.Context(org, correlationId, null, null));
        }
    }

    @Override
    public Map<String, Object> summary(LkjipDocument document) {
        return applies(document) ? Map.of("printedTables", document.printed().keySet()) : Map.of();
    }

    @Override
    public String label() {
        return "angka laporan tercetak";
    }
}
