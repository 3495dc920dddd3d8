package id.sakip.ledger.performance.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import id.sakip.ledger.organisation.api.KabupatenId;
import id.sakip.ledger.performance.api.GradingScalesId;
import id.sakip.ledger.performance.api.KabupatenGradingScaleSet;
import id.sakip.ledger.performance.api.OrganisationGradingScaleOverridden;
import id.sakip.ledger.performance.api.OverrideOrganisationGradingScale;
import id.sakip.ledger.performance.api.SetKabupatenGradingScale;
import id.sakip.ledger.performance.computation.CategoryScale;
import id.sakip.ledger.performance.computation.ScaleBand;
import id.sakip.ledger.performance.computation.ScaleKind;
import id.sakip.ledger.shared.InvalidValue;

/**
 * The category scales of one kabupaten or one organisation, per kind and first year. A scale has a
 * kind, a year from 2000 to 2100, a legal basis, a reason and valid bands ({@link CategoryScale#problems});
 * only a capaian scale may cap. Setting the scale already recorded for that kind and year records nothing.
 */
@Aggregate(cache = "aggregateCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class GradingScales {

    static final int MAX_TEXT = 1_000;

    @AggregateIdentifier
    private String aggregateId;
    private Map<String, CategoryScale> recorded = new HashMap<>();

    protected GradingScales() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(SetKabupatenGradingScale command) {
        try {
            new KabupatenId(command.kabupatenId());
        } catch (IllegalArgumentException bad) {
            throw new InvalidValue("INVALID_KABUPATEN", "Kabupaten \"" + command.kabupatenId()
                    + "\" bukan id kabupaten (huruf kecil, angka dan tanda hubung, mis. blora)");
        }
        CategoryScale scale = check(command.kind(), command.effectiveFrom(), command.legalBasis(), command.reason(),
                command.cap(), command.bands());
        if (unchanged(command.kind(), command.effectiveFrom(), scale)) {
            return "UNCHANGED";
        }
        apply(new KabupatenGradingScaleSet(command.kabupatenId(), command.kind(), command.effectiveFrom(),
                command.legalBasis().strip(), command.reason().strip(), command.cap(), scale.bands()));
        return "SET";
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(OverrideOrganisationGradingScale command) {
        if (command.organisationId() == null || command.organisationId().isBlank()) {
            throw new InvalidValue("REQUIRED", "organisationId wajib diisi");
        }
        CategoryScale scale = check(command.kind(), command.effectiveFrom(), command.legalBasis(), command.reason(),
                command.cap(), command.bands());
        if (unchanged(command.kind(), command.effectiveFrom(), scale)) {
            return "UNCHANGED";
        }
        apply(new OrganisationGradingScaleOverridden(command.organisationId(), command.kind(),
                command.effectiveFrom(), command.legalBasis().strip(), command.reason().strip(), command.cap(),
                scale.bands()));
        return "SET";
    }

    private static CategoryScale check(ScaleKind kind, int effectiveFrom, String legalBasis, String reason,
                                       BigDecimal cap, List<ScaleBand> bands) {
        if (kind == null) {
            throw new InvalidValue("INVALID_SCALE_KIND", "Jenis skala harus capaian atau efficiency");
        }
        if (effectiveFrom < 2000 || effectiveFrom > 2100) {
            throw new InvalidValue("INVALID_YEAR", "Tahun berlaku (effectiveFrom) " + effectiveFrom
                    + " harus antara 2000 dan 2100", Map.of("effectiveFrom", effectiveFrom));
        }
        text(legalBasis, "Dasar hukum (legalBasis)");
        text(reason, "Alasan (reason)");
        if (cap != null && kind != ScaleKind.CAPAIAN) {
            throw new InvalidValue("INVALID_SCALE", "Batas (cap) hanya berlaku untuk skala capaian, bukan "
                    + kind.words());
        }
        return new CategoryScale(cap, bands).validated(kind.words());
    }

    private static void text(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new InvalidValue("REQUIRED", name + " wajib diisi");
        }
        if (value.length() > MAX_TEXT) {
            throw new InvalidValue("TOO_LONG", name + " lebih dari " + MAX_TEXT + " karakter");
        }
    }

    private boolean unchanged(ScaleKind kind, int effectiveFrom, CategoryScale scale) {
        return scale.sameAs(recorded.get(key(kind, effectiveFrom)));
    }

    private static String key(ScaleKind kind, int effectiveFrom) {
        return kind.code() + "#" + effectiveFrom;
    }

    @EventSourcingHandler
    void on(KabupatenGradingScaleSet event) {
        aggregateId = GradingScalesId.ofKabupaten(event.kabupatenId());
        recorded.put(key(event.kind(), event.effectiveFrom()), new CategoryScale(event.cap(), event.bands()));
    }

    @EventSourcingHandler
    void on(OrganisationGradingScaleOverridden event) {
        aggregateId = GradingScalesId.ofOrganisation(event.organisationId());
        recorded.put(key(event.kind(), event.effectiveFrom()), new CategoryScale(event.cap(), event.bands()));
    }
}
