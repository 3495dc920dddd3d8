package id.sakip.ledger.performance.api;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import id.sakip.ledger.eventstore.metadata.OrganisationScoped;

/**
 * Record a public satisfaction survey (SKM): each respondent's scores, 1 to 4, on the 9 service
 * elements (persyaratan, prosedur, waktu, biaya/tarif, produk, kompetensi, perilaku,
 * sarana-prasarana, pengaduan); {@code null} for an element not answered.
 *
 * @param surveyId            identifier chosen by the caller
 * @param period              the survey period, e.g. "2023 semester 2"
 * @param recordAsRealisation also record the computed SKM as the indicator's realisation for the year
 */
public record RecordSurvey(String organisationId, String planId, String indicatorId, int year, String surveyId,
                           String period, List<List<Integer>> responses, boolean recordAsRealisation)
        implements OrganisationScoped {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PlanId.of(organisationId, planId);
    }
}
