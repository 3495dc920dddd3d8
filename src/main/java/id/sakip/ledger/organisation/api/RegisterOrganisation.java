package id.sakip.ledger.organisation.api;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import id.sakip.ledger.eventstore.metadata.OrganisationScoped;

/**
 * Register an organisation (OPD) in the ledger.
 *
 * @param organisationId its identifier, e.g. {@code kec-jiken}
 * @param name           its name, e.g. Kecamatan Jiken
 * @param kabupaten      the regency it belongs to
 * @param provinsi       the province
 * @param head           the title of its head (Camat, Kepala Dinas …)
 * @param villages       villages (desa/kelurahan) of a kecamatan, may be empty
 * @param headName       the name of its head, who signs its reports; may be absent
 * @param headNip        the head's NIP (civil-servant number, digits and spaces); may be absent
 * @param reportPlace    the place its reports are signed at, e.g. Jiken; may be absent
 */
public record RegisterOrganisation(@TargetAggregateIdentifier String organisationId, String name, String kabupaten,
                                   String provinsi, String head, List<String> villages, String headName,
                                   String headNip, String reportPlace) implements OrganisationScoped {

    /** Register without the signer's data. */
    public RegisterOrganisation(String organisationId, String name, String kabupaten, String provinsi, String head,
                                List<String> villages) {
        this(organisationId, name, kabupaten, provinsi, head, villages, null, null, null);
    }
}
