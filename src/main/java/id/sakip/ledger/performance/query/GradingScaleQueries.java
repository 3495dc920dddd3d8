package id.sakip.ledger.performance.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import id.sakip.ledger.eventstore.projection.ProjectionRebuilds;
import id.sakip.ledger.performance.computation.CategoryScale;
import id.sakip.ledger.performance.computation.Grading;
import id.sakip.ledger.performance.computation.ScaleBand;
import id.sakip.ledger.performance.computation.ScaleEntry;
import id.sakip.ledger.performance.computation.ScaleKind;
import id.sakip.ledger.shared.ServiceUnavailable;

/**
 * Which category scale grades an organisation's year, as of an instant: the organisation's own scale
 * with the highest {@code effectiveFrom} not after the year recorded by then, else its kabupaten's,
 * else Jiken's default.
 */
@Service
public class GradingScaleQueries {

    /** Where the scale in force comes from. */
    public static final String DEFAULT = "default";

    /** The scale that grades a year, and where it was set. */
    public record InForce(String source, String ownerId, ScaleKind kind, Integer effectiveFrom, String legalBasis,
                          String reason, BigDecimal cap, List<ScaleBand> bands, Instant recordedAt,
                          String recordedBy) {

        /** The scale itself. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public CategoryScale scale() {
            return new CategoryScale(cap, bands);
        }
    }

    /** A kabupaten's or an organisation's scale of one kind: the one in force for a year and every one recorded. */
    public record ScaleView(String scope, String ownerId, String kabupatenId, ScaleKind kind, int year, Instant asOf,
                            InForce inForce, List<ScaleEntry> history, List<ScaleEntry> kabupatenHistory) {
    }

    private final GradingScaleProjection projection;
    private final ProjectionRebuilds rebuilds;

    public GradingScaleQueries(GradingScaleProjection projection, ProjectionRebuilds rebuilds) {
        this.projection = projection;
        this.rebuilds = rebuilds;
    }

    private void requireLive() {
        if (rebuilds.isRebuilding(GradingScaleProjection.PROCESSOR)) {
            throw new ServiceUnavailable("REBUILDING", "The grading-scale read model is being rebuilt from the log; "
                    + "ask again in a moment", Map.of("processor", GradingScaleProjection.PROCESSOR,
                    "progress", rebuilds.status(GradingScaleProjection.PROCESSOR)));
        }
    }

    /** The scales that grade an organisation, year by year, as of an instant ({@code null}: now). */
    public Grading grading(String organisationId, Instant asOf) {
        requireLive();
        ScaleBook own = projection.book(ScaleBook.idOfOrganisation(organisationId));
        ScaleBook kabupaten = own.kabupatenId == null ? new ScaleBook()
                : projection.book(ScaleBook.idOfKabupaten(own.kabupatenId));
        return new Grading(year -> inForce(own, kabupaten, ScaleKind.CAPAIAN, year, asOf).scale(),
                year -> inForce(own, kabupaten, ScaleKind.EFFICIENCY, year, asOf).scale());
    }

    private static InForce inForce(ScaleBook own, ScaleBook kabupaten, ScaleKind kind, int year, Instant asOf) {
        ScaleEntry e = ScaleEntry.inForce(own.entries, kind, year, asOf);
        String source = own.scope;
        String owner = own.ownerId;
        if (e == null) {
            e = ScaleEntry.inForce(kabupaten.entries, kind, year, asOf);
            source = ScaleBook.KABUPATEN;
            owner = kabupaten.ownerId;
        }
        if (e == null) {
            return new InForce(DEFAULT, null, kind, null, kind.defaultLegalBasis(), null, null,
                    kind.defaultScale().bands(), null, null);
        }
        return new InForce(source, owner, kind, e.effectiveFrom(), e.legalBasis(), e.reason(), e.scale().cap(),
                e.scale().bands(), e.recordedAt(), e.recordedBy());
    }

    private static List<ScaleEntry> history(ScaleBook book, ScaleKind kind, Instant asOf) {
        return book.entries.stream().filter(e -> e.kind() == kind && (asOf == null || !e.recordedAt().isAfter(asOf)))
                .toList();
    }

    /** An organisation's scale of one kind for a year, with its own and its kabupaten's history. */
    public ScaleView ofOrganisation(String organisationId, ScaleKind kind, int year, Instant asOf) {
        requireLive();
        ScaleBook own = projection.book(ScaleBook.idOfOrganisation(organisationId));
        own.scope = ScaleBook.ORGANISATION;
        own.ownerId = organisationId;
        ScaleBook kabupaten = own.kabupatenId == null ? new ScaleBook()
                : projection.book(ScaleBook.idOfKabupaten(own.kabupatenId));
        kabupaten.ownerId = own.kabupatenId;
        return new ScaleView(ScaleBook.ORGANISATION, organisationId, own.kabupatenId, kind, year, asOf,
                inForce(own, kabupaten, kind, year, asOf), history(own, kind, asOf), history(kabupaten, kind, asOf));
    }

    /** A kabupaten's scale of one kind for a year, with its history. */
    public ScaleView ofKabupaten(String kabupatenId, ScaleKind kind, int year, Instant asOf) {
        requireLive();
        ScaleBook kabupaten = projection.book(ScaleBook.idOfKabupaten(kabupatenId));
        kabupaten.scope = ScaleBook.KABUPATEN;
        kabupaten.ownerId = kabupatenId;
        List<ScaleEntry> history = history(kabupaten, kind, asOf);
        return new ScaleView(ScaleBook.KABUPATEN, kabupatenId, kabupatenId, kind, year, asOf,
                inForce(kabupaten, new ScaleBook(), kind, year, asOf), history, history);
    }
}
