package id.sakip.ledger.eventstore.metadata;

/** A command that acts on one organisation (OPD); its id goes into every resulting event's metadata. */
public interface OrganisationScoped {

    String organisationId();
}
