package id.sakip.ledger.organisation.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import id.sakip.ledger.organisation.api.ChangeSignatory;
import id.sakip.ledger.organisation.api.OrganisationRegistered;
import id.sakip.ledger.organisation.api.RegisterOrganisation;
import id.sakip.ledger.organisation.api.SignatoryChanged;
import id.sakip.ledger.organisation.command.SignatoryRules.EffectiveBeforeLastChange;
import id.sakip.ledger.organisation.command.SignatoryRules.SignatoryUnchanged;
import id.sakip.ledger.shared.InvalidValue;

/**
 * An organisation (OPD) known to the ledger, and who signs its reports. A change of signer names the new
 * head, takes effect on a date not before the last change, carries a reason and a legal basis, and must
 * change something.
 */
@Aggregate(cache = "aggregateCache")
public class Organisation {

    static final int MAX_TEXT = 1_000;

    @AggregateIdentifier
    private String organisationId;
    private String head;
    private String headName;
    private String headNip;
    private String reportPlace;
    private LocalDate lastChange;

    protected Organisation() {
    }

    @CommandHandler
    public Organisation(RegisterOrganisation command) {
        if (command.organisationId() == null || command.organisationId().isBlank()) {
            throw new InvalidValue("REQUIRED", "organisationId is required");
        }
        if (command.name() == null || command.name().isBlank()) {
            throw new InvalidValue("REQUIRED", "The organisation's name is required");
        }
        nip(command.headNip());
        apply(new OrganisationRegistered(command.organisationId(), command.name().strip(), command.kabupaten(),
                command.provinsi(), command.head(), command.villages() == null ? List.of()
                : command.villages(), stripped(command.headName()), stripped(command.headNip()),
                stripped(command.reportPlace())));
    }

    @CommandHandler
    public void handle(ChangeSignatory command) {
        if (stripped(command.headName()) == null) {
            throw new InvalidValue("REQUIRED", "The new head's name (headName) is required", Map.of("field", "headName"));
        }
        nip(command.headNip());
        if (command.effectiveDate() == null) {
            throw new InvalidValue("REQUIRED", "The date the new head takes office (effectiveDate) is required",
                    Map.of("field", "effectiveDate"));
        }
        text(command.reason(), "reason");
        text(command.legalBasis(), "legalBasis");
        if (lastChange != null && command.effectiveDate().isBefore(lastChange)) {
            throw new EffectiveBeforeLastChange(command.effectiveDate(), lastChange);
        }
        String newHead = Objects.requireNonNullElse(stripped(command.head()), head);
        String newPlace = Objects.requireNonNullElse(stripped(command.reportPlace()), reportPlace);
        String newName = stripped(command.headName());
        String newNip = stripped(command.headNip());
        if (Objects.equals(newHead, head) && newName.equals(headName) && Objects.equals(newNip, headNip)
                && Objects.equals(newPlace, reportPlace)) {
            throw new SignatoryUnchanged(organisationId, newName);
        }
        apply(new SignatoryChanged(organisationId, newHead, newName, newNip, newPlace, command.effectiveDate(),
                command.reason().strip(), command.legalBasis().strip()));
    }

    /** A NIP, when given, is digits optionally grouped by single spaces (19700101 199503 1 001). */
    private static void nip(String nip) {
        if (nip != null && !nip.isBlank() && !nip.strip().matches("[0-9]+( [0-9]+)*")) {
            throw new InvalidValue("INVALID_NIP", "The head's NIP must be digits, optionally grouped by spaces",
                    Map.of("headNip", nip));
        }
    }

    private static void text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidValue("REQUIRED", field + " is required", Map.of("field", field));
        }
        if (value.length() > MAX_TEXT) {
            throw new InvalidValue("TEXT_TOO_LONG", field + " is longer than " + MAX_TEXT + " characters",
                    Map.of("field", field));
        }
    }

    private static String stripped(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @EventSourcingHandler
    void on(OrganisationRegistered event) {
        organisationId = event.organisationId();
        head = event.head();
        headName = event.headName();
        headNip = event.headNip();
        reportPlace = event.reportPlace();
    }

    @EventSourcingHandler
    void on(SignatoryChanged event) {
        head = event.head();
        headName = event.headName();
        headNip = event.headNip();
        reportPlace = event.reportPlace();
        lastChange = event.effectiveDate();
    }
}
