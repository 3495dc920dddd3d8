package id.sakip.ledger.organisation.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import id.sakip.ledger.organisation.query.OrganisationDirectory;
import id.sakip.ledger.organisation.query.OrganisationDirectory.OrganisationView;

/** Lists the organisations known to the ledger. */
@RestController
public class OrganisationController {

    private final OrganisationDirectory directory;
    private final id.sakip.ledger.shared.OrganisationAccess access;

    public OrganisationController(OrganisationDirectory directory, id.sakip.ledger.shared.OrganisationAccess access) {
        this.directory = directory;
        this.access = access;
    }

    @GetMapping("/api/v1/organisations")
    public List<OrganisationView> organisations() {
        return directory.all().stream().filter(o -> access.mayRead(o.organisationId())).toList();
    }
}
