package id.sakip.ledger.organisation.api;

import java.util.List;

import org.axonframework.serialization.Revision;

/** An organisation (OPD) was registered in the ledger. */
@Revision("1")
public record OrganisationRegistered(String organisationId, String name, String kabupaten, String provinsi,
                                     String head, List<String> villages) {
}
