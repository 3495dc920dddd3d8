package id.sakip.ledger.organisation.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;

import id.sakip.ledger.organisation.api.OrganisationRegistered;
import id.sakip.ledger.organisation.api.SignatoryChanged;

/**
 * The organisations known to the ledger, as a read model ({@code organisations}): each with its signer in
 * force now (the latest recorded) and every signer it has had, by the date each took office, so that a
 * report of a past date is signed by the head in office then.
 */
@Component
@ProcessingGroup(OrganisationDirectory.PROCESSOR)
public class OrganisationDirectory {

    public static final String PROCESSOR = "organisations";
    public static final String COLLECTION = "organisations";

    /** An organisation as listed. */
    public record OrganisationView(String organisationId, String name, String kabupaten, String provinsi,
                                   String head, List<String> villages, String headName, String headNip,
                                   String reportPlace) {

        /** An organisation whose signer is not known. */
        public OrganisationView(String organisationId, String name, String kabupaten, String provinsi, String head,
                                List<String> villages) {
            this(organisationId, name, kabupaten, provinsi, head, villages, null, null, null);
        }
    }

    /**
     * One head who signs the organisation's reports, from a date on.
     *
     * @param from        the first day in office; {@code null} for the signer registered with the organisation
     * @param head        the head's title, e.g. Camat
     * @param headName    the head's name; may be absent
     * @param headNip     the head's NIP; may be absent
     * @param reportPlace where reports are signed; may be absent
     * @param reason      why the signer changed; absent for the registered one
     * @param legalBasis  the appointing decree; absent for the registered one
     */
    public record Signatory(LocalDate from, String head, String headName, String headNip, String reportPlace,
                            String reason, String legalBasis) {
    }

    private final MongoCollection<Document> organisations;

    public OrganisationDirectory(MongoDatabase ledgerDatabase) {
        this.organisations = ledgerDatabase.getCollection(COLLECTION);
    }

    @EventHandler
    void on(OrganisationRegistered e) {
        organisations.replaceOne(Filters.eq("_id", e.organisationId()), new Document("_id", e.organisationId())
                .append("name", e.name()).append("kabupaten", e.kabupaten()).append("provinsi", e.provinsi())
                .append("head", e.head()).append("villages", e.villages()).append("headName", e.headName())
                .append("headNip", e.headNip()).append("reportPlace", e.reportPlace())
                .append("signatories", List.of(entry(0, null, e.head(), e.headName(), e.headNip(), e.reportPlace(),
                        null, null))),
                new ReplaceOptions().upsert(true));
    }

    /** A change of signer joins the history in order of taking office; one delivered again counts once. */
    @EventHandler
    void on(SignatoryChanged e, @SequenceNumber long sequence) {
        Document d = organisations.find(Filters.eq("_id", e.organisationId())).first();
        if (d == null) {
            return;
        }
        List<Document> entries = new ArrayList<>(d.getList("signatories", Document.class, List.of()));
        if (entries.stream().anyMatch(x -> x.get("sequence", Number.class).longValue() >= sequence)) {
            return;
        }
        entries.add(entry(sequence, e.effectiveDate().toString(), e.head(), e.headName(), e.headNip(),
                e.reportPlace(), e.reason(), e.legalBasis()));
        entries.sort(Comparator.comparing((Document x) -> x.getString("from"),
                Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                .thenComparing(x -> x.get("sequence", Number.class).longValue()));
        Document latest = entries.get(entries.size() - 1);
        organisations.updateOne(Filters.eq("_id", e.organisationId()), new Document("$set", new Document(
                "signatories", entries).append("head", latest.getString("head"))
                .append("headName", latest.getString("headName")).append("headNip", latest.getString("headNip"))
                .append("reportPlace", latest.getString("reportPlace"))));
    }

    private static Document entry(long sequence, String from, String head, String headName, String headNip,
                                  String reportPlace, String reason, String legalBasis) {
        return new Document("sequence", sequence).append("from", from).append("head", head)
                .append("headName", headName).append("headNip", headNip).append("reportPlace", reportPlace)
                .append("reason", reason).append("legalBasis", legalBasis);
    }

    @ResetHandler
    void reset() {
        organisations.deleteMany(new Document());
    }

    public List<OrganisationView> all() {
        List<OrganisationView> result = new ArrayList<>();
        for (Document d : organisations.find().sort(Sorts.ascending("_id"))) {
            result.add(view(d));
        }
        return result;
    }

    /** The name an organisation was registered with, or {@code null}. */
    public String nameOf(String organisationId) {
        Document d = organisations.find(Filters.eq("_id", organisationId)).first();
        return d == null ? null : d.getString("name");
    }

    /** One organisation, if it is registered. */
    public Optional<OrganisationView> find(String organisationId) {
        return Optional.ofNullable(organisations.find(Filters.eq("_id", organisationId)).first())
                .map(OrganisationDirectory::view);
    }

    /** Every signer the organisation has had, in order of taking office; empty when it is not registered. */
    public List<Signatory> signatories(String organisationId) {
        Document d = organisations.find(Filters.eq("_id", organisationId)).first();
        if (d == null) {
            return List.of();
        }
        List<Document> entries = d.getList("signatories", Document.class);
        if (entries == null || entries.isEmpty()) {
            return List.of(new Signatory(null, d.getString("head"), d.getString("headName"), d.getString("headNip"),
                    d.getString("reportPlace"), null, null));
        }
        return entries.stream().map(x -> new Signatory(x.getString("from") == null ? null
                : LocalDate.parse(x.getString("from")), x.getString("head"), x.getString("headName"),
                x.getString("headNip"), x.getString("reportPlace"), x.getString("reason"),
                x.getString("legalBasis"))).toList();
    }

    /**
     * The signer in office on {@code date}: the last to take office by then, or the registered one when every
     * change came later; empty when the organisation is not registered.
     */
    public Optional<Signatory> signatoryOn(String organisationId, LocalDate date) {
        List<Signatory> all = signatories(organisationId);
        Signatory inOffice = all.isEmpty() ? null : all.get(0);
        for (Signatory s : all) {
            if (s.from() == null || !s.from().isAfter(date)) {
                inOffice = s;
            }
        }
        return Optional.ofNullable(inOffice);
    }

    private static OrganisationView view(Document d) {
        return new OrganisationView(d.getString("_id"), d.getString("name"), d.getString("kabupaten"),
                d.getString("provinsi"), d.getString("head"), d.getList("villages", String.class),
                d.getString("headName"), d.getString("headNip"), d.getString("reportPlace"));
    }
}
