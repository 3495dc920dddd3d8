package id.sakip.ledger.reporting.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import id.sakip.ledger.eventstore.metadata.LedgerCommands;
import id.sakip.ledger.eventstore.projection.AggregateHistory;
import id.sakip.ledger.reporting.api.PrintedReportRecorded;
import id.sakip.ledger.reporting.api.PrintedTable;
import id.sakip.ledger.reporting.api.PublishedReportId;
import id.sakip.ledger.reporting.api.RecordPrintedReport;

/** Records the file's printed tables (and its {@code amendment:}) once per report year, for reconciliation. */
@Component
@Order(20)
public class PrintedReportImportStep implements LkjipImporter.ImportStep {

    private final AggregateHistory history;

    public PrintedReportImportStep(AggregateHistory history) {
        this.history = history;
    }

    private static Map<Integer, List<PrintedTable>> byYear(LkjipDocument document) {
        Map<Integer, List<PrintedTable>> years = new TreeMap<>();
        for (PrintedTable table : document.printed()) {
            years.computeIfAbsent(table.year(), y -> new ArrayList<>()).add(table);
        }
        return years;
    }

    @Override
    public List<String> aggregateIds(LkjipDocument document) {
        return byYear(document).keySet().stream().map(y -> PublishedReportId.of(document.organisation().id(), y))
                .toList();
    }

    @Override
    public void check(LkjipDocument document) {
        for (int year : byYear(document).keySet()) {
            history.forEach(PublishedReportId.of(document.organisation().id(), year), null, m -> {
                if (m.getPayload() instanceof PrintedReportRecorded r
                        && !LkjipImporter.source(document).equals(r.source())) {
                    throw new LkjipImporter.ImportConflict("The printed figures of the " + year + " LKjIP of "
                            + document.organisation().id() + " were already recorded from " + r.source());
                }
            });
        }
    }

    @Override
    public void record(LkjipDocument document, LedgerCommands commands, String correlationId) {
        String org = document.organisation().id();
        byYear(document).forEach((year, tables) -> {
            if (!history.exists(PublishedReportId.of(org, year))) {
                commands.send(new RecordPrintedReport(org, year, LkjipImporter.source(document), tables),
                        new LedgerCommands.Context(org, correlationId, null, null));
            }
        });
    }

    @Override
    public Map<String, Object> summary(LkjipDocument document) {
        if (document.printed().isEmpty()) {
            return Map.of();
        }
        return Map.of("printedTables", document.printed().stream().map(PrintedTable::name).toList(),
                "printedYears", byYear(document).keySet());
    }

    @Override
    public String label() {
        return "angka laporan tercetak";
    }
}
