package id.sakip.ledger.organisation.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import id.sakip.ledger.eventstore.metadata.LedgerCommands;
import id.sakip.ledger.organisation.api.ChangeSignatory;
import id.sakip.ledger.organisation.query.OrganisationDirectory;
import id.sakip.ledger.organisation.query.OrganisationDirectory.OrganisationView;
import id.sakip.ledger.organisation.query.OrganisationDirectory.Signatory;
import id.sakip.ledger.shared.OrganisationAccess;
import id.sakip.ledger.shared.web.LedgerIds;

/** Lists the organisations known to the ledger; records and lists who signs an organisation's reports. */
@RestController
public class OrganisationController {

    private static final String CORRELATION_ID = "X-Correlation-Id";

    private final OrganisationDirectory directory;
    private final OrganisationAccess access;
    private final LedgerCommands commands;

    public OrganisationController(OrganisationDirectory directory, OrganisationAccess access, LedgerCommands commands) {
        this.directory = directory;
        this.access = access;
        this.commands = commands;
    }

    @GetMapping("/api/v1/organisations")
    public List<OrganisationView> organisations() {
        return directory.all().stream().filter(o -> access.mayRead(o.organisationId())).toList();
    }

    /** Body of a change of signer. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "SignatoryRequest", example = "{\"head\": \"Camat\", "
            + "\"headName\": \"Siti Aminah, S.IP\", \"headNip\": \"19750505 200003 2 002\", \"reportPlace\": \"Jiken\", "
            + "\"effectiveDate\": \"2024-03-01\", \"reason\": \"Mutasi jabatan\", "
            + "\"legalBasis\": \"Keputusan Bupati Blora Nomor 821.2/15/2024\"}")
    public record SignatoryRequest(String head, String headName, String headNip, String reportPlace,
                                   LocalDate effectiveDate, String reason, String legalBasis) {
    }

    /** Records that a new head signs the organisation's reports from {@code effectiveDate} on. */
    @PutMapping(path = "/api/v1/organisations/{org}/signatory", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> changeSignatory(@PathVariable String org, @RequestBody SignatoryRequest body,
                                               @RequestHeader(name = CORRELATION_ID, required = false)
                                               String correlation) {
        LedgerIds.require(org, "organisation");
        commands.send(new ChangeSignatory(org, body.head(), body.headName(), body.headNip(), body.reportPlace(),
                body.effectiveDate(), body.reason(), body.legalBasis()),
                new LedgerCommands.Context(org, correlation, null, null));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("organisationId", org);
        answer.put("headName", body.headName().strip());
        answer.put("effectiveDate", body.effectiveDate().toString());
        answer.put("status", "CHANGED");
        return answer;
    }

    /** Every head who has signed the organisation's reports, in order of taking office. */
    @GetMapping(path = "/api/v1/organisations/{org}/signatory", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<Signatory> signatories(@PathVariable String org) {
        LedgerIds.require(org, "organisation");
        return directory.signatories(org);
    }
}
