package id.sakip.ledger.organisation.api;

import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * An organisation (OPD) was registered in the ledger, with who signs its reports. Revision 1 had no signer;
 * it is read as revision 2 with {@code headName}, {@code headNip} and {@code reportPlace} absent.
 */
@Revision("2")
public record OrganisationRegistered(String organisationId, String name, String kabupaten, String provinsi,
                                     String head, List<String> villages, String headName, String headNip,
                                     String reportPlace) {

    /** Registered without the signer's data. */
    public OrganisationRegistered(String organisationId, String name, String kabupaten, String provinsi, String head,
                                  List<String> villages) {
        this(organisationId, name, kabupaten, provinsi, head, villages, null, null, null);
    }
}
