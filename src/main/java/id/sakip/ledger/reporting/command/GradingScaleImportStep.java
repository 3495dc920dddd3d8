package id.sakip.ledger.reporting.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import id.sakip.ledger.eventstore.metadata.LedgerCommands;
import id.sakip.ledger.eventstore.projection.AggregateHistory;
import id.sakip.ledger.organisation.api.KabupatenId;
import id.sakip.ledger.performance.api.GradingScalesId;
import id.sakip.ledger.performance.api.KabupatenGradingScaleSet;
import id.sakip.ledger.performance.api.OrganisationGradingScaleOverridden;
import id.sakip.ledger.performance.api.OverrideOrganisationGradingScale;
import id.sakip.ledger.performance.computation.CategoryScale;
import id.sakip.ledger.performance.computation.ScaleEntry;
import id.sakip.ledger.reporting.command.LkjipDocument.ImportedScale;

/**
 * Records the file's {@code grading_scales} (capaian, efficiency) as the organisation's override, but
 * only a scale that differs from the one in force for its first year (the organisation's, else its
 * kabupaten's, else Jiken's default), so a file quoting the scale already in force records nothing.
 */
@Component
@Order(15)
public class GradingScaleImportStep implements LkjipImporter.ImportStep {

    private final AggregateHistory history;

    public GradingScaleImportStep(AggregateHistory history) {
        this.history = history;
    }

    @Override
    public List<String> aggregateIds(LkjipDocument document) {
        String id = GradingScalesId.ofOrganisation(document.organisation().id());
        return history.exists(id) || !differing(document).isEmpty() ? List.of(id) : List.of();
    }

    @Override
    public void check(LkjipDocument document) {
    }

    @Override
    public void record(LkjipDocument document, LedgerCommands commands, String correlationId) {
        String org = document.organisation().id();
        for (ImportedScale s : differing(document)) {
            commands.send(new OverrideOrganisationGradingScale(org, s.kind(), s.effectiveFrom(), s.legalBasis(),
                    s.reason() + " (sha256:" + document.digest() + ")", s.cap(), s.bands()),
                    new LedgerCommands.Context(org, correlationId, null, null));
        }
    }

    /** The file's scales that differ from the one in force for their first year. */
    private List<ImportedScale> differing(LkjipDocument document) {
        if (document.gradingScales().isEmpty()) {
            return List.of();
        }
        List<ScaleEntry> own = entries(GradingScalesId.ofOrganisation(document.organisation().id()));
        KabupatenId kabupaten = KabupatenId.of(document.organisation().kabupaten());
        List<ScaleEntry> ofKabupaten = kabupaten == null ? List.of()
                : entries(GradingScalesId.ofKabupaten(kabupaten.value()));
        List<ImportedScale> differing = new ArrayList<>();
        for (ImportedScale s : document.gradingScales()) {
            ScaleEntry inForce = ScaleEntry.inForce(own, s.kind(), s.effectiveFrom(), null);
            if (inForce == null) {
                inForce = ScaleEntry.inForce(ofKabupaten, s.kind(), s.effectiveFrom(), null);
            }
            CategoryScale current = inForce == null ? s.kind().defaultScale() : inForce.scale();
            if (!current.sameAs(new CategoryScale(s.cap(), s.bands()))) {
                differing.add(s);
            }
        }
        return differing;
    }

    private List<ScaleEntry> entries(String aggregateId) {
        List<ScaleEntry> entries = new ArrayList<>();
        history.forEach(aggregateId, null, m -> {
            if (m.getPayload() instanceof OrganisationGradingScaleOverridden e) {
                entries.add(new ScaleEntry(e.kind(), e.effectiveFrom(), e.legalBasis(), e.reason(),
                        new CategoryScale(e.cap(), e.bands()), m.getTimestamp(), null));
            } else if (m.getPayload() instanceof KabupatenGradingScaleSet e) {
                entries.add(new ScaleEntry(e.kind(), e.effectiveFrom(), e.legalBasis(), e.reason(),
                        new CategoryScale(e.cap(), e.bands()), m.getTimestamp(), null));
            }
        });
        return entries;
    }

    @Override
    public Map<String, Object> summary(LkjipDocument document) {
        Map<String, Object> s = new LinkedHashMap<>();
        if (!document.gradingScales().isEmpty()) {
            s.put("gradingScalesRecorded", differing(document).stream().map(i -> i.kind().code() + " "
                    + i.effectiveFrom()).toList());
        }
        return s;
    }

    @Override
    public String label() {
        return "skala kategori";
    }
}
