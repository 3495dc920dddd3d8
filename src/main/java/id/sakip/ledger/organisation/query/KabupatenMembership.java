package id.sakip.ledger.organisation.query;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import id.sakip.ledger.eventstore.projection.AggregateHistory;
import id.sakip.ledger.organisation.api.KabupatenId;
import id.sakip.ledger.organisation.api.OrganisationRegistered;

/**
 * The kabupaten an organisation belongs to, folded from the organisation's own registration event
 * (never a read model that may lag), so that a kabupaten grant applies to an organisation from the
 * moment it is registered. A registration never changes, so a found answer is kept.
 */
@Component
public class KabupatenMembership {

    private static final int MAX_ENTRIES = 10_000;

    private final AggregateHistory history;
    private final Map<String, Optional<KabupatenId>> known = new ConcurrentHashMap<>();

    public KabupatenMembership(AggregateHistory history) {
        this.history = history;
    }

    /** The kabupaten of a registered organisation; {@code null} when it is unknown or names none. */
    public KabupatenId kabupatenOf(String organisationId) {
        if (organisationId == null) {
            return null;
        }
        Optional<KabupatenId> cached = known.get(organisationId);
        if (cached != null) {
            return cached.orElse(null);
        }
        OrganisationRegistered registered = registration(organisationId, null);
        if (registered == null) {
            return null;
        }
        if (known.size() > MAX_ENTRIES) {
            known.clear();
        }
        Optional<KabupatenId> kabupaten = Optional.ofNullable(KabupatenId.of(registered.kabupaten()));
        known.put(organisationId, kabupaten);
        return kabupaten.orElse(null);
    }

    /** Whether the organisation was registered by {@code asOf} (now when {@code null}). */
    public boolean registeredBy(String organisationId, Instant asOf) {
        return registration(organisationId, asOf) != null;
    }

    private OrganisationRegistered registration(String organisationId, Instant asOf) {
        OrganisationRegistered[] found = {null};
        history.forEach(organisationId, asOf, m -> {
            if (found[0] == null && m.getPayload() instanceof OrganisationRegistered r) {
                found[0] = r;
            }
        });
        return found[0];
    }
}
