package id.sakip.ledger.performance.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import id.sakip.ledger.organisation.api.KabupatenId;
import id.sakip.ledger.organisation.api.OrganisationRegistered;
import id.sakip.ledger.performance.api.KabupatenGradingScaleSet;
import id.sakip.ledger.performance.api.OrganisationGradingScaleOverridden;
import id.sakip.ledger.performance.computation.CategoryScale;
import id.sakip.ledger.performance.computation.ScaleEntry;

/**
 * The scales recorded for one kabupaten or one organisation, every one kept in recording order with who
 * recorded it when, and, for an organisation, its kabupaten. {@link #apply} is a pure fold step.
 */
public final class ScaleBook {

    public static final String KABUPATEN = "kabupaten";
    public static final String ORGANISATION = "organisation";

    public String scope;
    public String ownerId;
    public String kabupatenId;
    public List<ScaleEntry> entries = new ArrayList<>();

    public static String idOfKabupaten(String kabupatenId) {
        return KABUPATEN + ":" + kabupatenId;
    }

    public static String idOfOrganisation(String organisationId) {
        return ORGANISATION + ":" + organisationId;
    }

    public void apply(Object event, Instant recordedAt, String recordedBy) {
        if (event instanceof KabupatenGradingScaleSet e) {
            scope = KABUPATEN;
            ownerId = e.kabupatenId();
            entries.add(new ScaleEntry(e.kind(), e.effectiveFrom(), e.legalBasis(), e.reason(),
                    new CategoryScale(e.cap(), e.bands()), recordedAt, recordedBy));
        } else if (event instanceof OrganisationGradingScaleOverridden e) {
            scope = ORGANISATION;
            ownerId = e.organisationId();
            entries.add(new ScaleEntry(e.kind(), e.effectiveFrom(), e.legalBasis(), e.reason(),
                    new CategoryScale(e.cap(), e.bands()), recordedAt, recordedBy));
        } else if (event instanceof OrganisationRegistered e) {
            scope = ORGANISATION;
            ownerId = e.organisationId();
            KabupatenId kabupaten = KabupatenId.of(e.kabupaten());
            kabupatenId = kabupaten == null ? null : kabupaten.value();
        }
    }
}
