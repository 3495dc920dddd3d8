package id.sakip.ledger.organisation.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import id.sakip.ledger.organisation.api.OrganisationRegistered;
import id.sakip.ledger.organisation.api.RegisterOrganisation;
import id.sakip.ledger.shared.InvalidValue;

/** An organisation (OPD) known to the ledger. */
@Aggregate(cache = "aggregateCache")
public class Organisation {

    @AggregateIdentifier
    private String organisationId;

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
        if (command.headNip() != null && !command.headNip().isBlank()
                && !command.headNip().strip().matches("[0-9]+( [0-9]+)*")) {
            throw new InvalidValue("INVALID_NIP", "The head's NIP must be digits, optionally grouped by spaces",
                    java.util.Map.of("headNip", command.headNip()));
        }
        apply(new OrganisationRegistered(command.organisationId(), command.name().strip(), command.kabupaten(),
                command.provinsi(), command.head(), command.villages() == null ? java.util.List.of()
                : command.villages(), stripped(command.headName()), stripped(command.headNip()),
                stripped(command.reportPlace())));
    }

    private static String stripped(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @EventSourcingHandler
    void on(OrganisationRegistered event) {
        organisationId = event.organisationId();
    }
}
