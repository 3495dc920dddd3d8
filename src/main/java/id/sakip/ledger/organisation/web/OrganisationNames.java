package id.sakip.ledger.organisation.web;

import org.springframework.stereotype.Component;

import id.sakip.ledger.organisation.query.OrganisationDirectory;

/** An organisation's name for headings ({@code ${@orgs.name(org)}}): "Kecamatan Jiken", not {@code kec-jiken}. */
@Component("orgs")
public class OrganisationNames {

    private final OrganisationDirectory directory;

    public OrganisationNames(OrganisationDirectory directory) {
        this.directory = directory;
    }

    /** The registered name, or the id when the organisation is not registered. */
    public String name(String organisationId) {
        if (organisationId == null) {
            return "";
        }
        String name = directory.nameOf(organisationId);
        return name == null || name.isBlank() ? organisationId : name;
    }
}
