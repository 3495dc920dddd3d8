package id.sakip.ledger.budget.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

import id.sakip.ledger.budget.api.AdoptBudget;
import id.sakip.ledger.budget.api.AmendBudget;
import id.sakip.ledger.budget.api.AmendmentKind;
import id.sakip.ledger.budget.api.BudgetProgram;
import id.sakip.ledger.budget.api.CloseFiscalYear;
import id.sakip.ledger.budget.api.LineAmount;
import id.sakip.ledger.budget.api.NewBudgetLine;
import id.sakip.ledger.budget.api.RealisationReceipt;
import id.sakip.ledger.budget.api.RecordRealisation;
import id.sakip.ledger.budget.api.ReverseRealisation;
import id.sakip.ledger.budget.query.BudgetQueries;
import id.sakip.ledger.budget.query.BudgetTree;
import id.sakip.ledger.shared.Rupiah;
import id.sakip.ledger.eventstore.metadata.LedgerCommands;
import id.sakip.ledger.shared.web.LedgerIds;

/** The budget ledger's API: read the budget tree; adopt, amend, record and reverse realisations, close the year. */
@RestController
@RequestMapping(path = "/api/v1/organisations/{org}/budgets/{year}", produces = MediaType.APPLICATION_JSON_VALUE)
public class BudgetController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String CORRELATION_ID = "X-Correlation-Id";

    private final LedgerCommands commands;
    private final id.sakip.ledger.eventstore.LedgerMetrics metrics;
    private final BudgetQueries queries;

    public BudgetController(LedgerCommands commands, id.sakip.ledger.eventstore.LedgerMetrics metrics,
                            BudgetQueries queries) {
        this.commands = commands;
        this.metrics = metrics;
        this.queries = queries;
    }

    /** The budget as its tree: programs, kegiatan, sub kegiatan with amounts, realised totals and indicators. */
    @GetMapping
    public BudgetTree tree(@PathVariable String org, @PathVariable int year,
                           @RequestParam(required = false) Instant asOf,
                           @RequestParam(required = false)
                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until) {
        LedgerIds.require(org, "organisation");
        return queries.tree(org, year, asOf, until);
    }

    /** Body of an adoption. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "BudgetAdoptionRequest", example = "{\"fund\": \"APBD\", \"legalBasis\": \"Perbup Blora 80/2022\", \"adoptedOn\": \"2023-01-02\", \"programs\": [{\"number\": 1, \"name\": \"Program Penunjang Urusan Pemerintahan Daerah\", \"activities\": [{\"number\": 1, \"name\": \"Perencanaan, Penganggaran dan Evaluasi Kinerja\", \"objective\": \"S1\", \"lines\": [{\"lineId\": \"1\", \"number\": 1, \"name\": \"Penyusunan Dokumen Perencanaan Perangkat Daerah\", \"economicClass\": \"barang_jasa\", \"amount\": 3600000}]}]}]}")
    public record AdoptionRequest(String fund, String legalBasis, LocalDate adoptedOn, List<BudgetProgram> programs) {
    }

    /** Body of an amendment. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "BudgetAmendmentRequest", example = "{\"kind\": \"PERGESERAN\", \"reason\": \"Kebutuhan ATK bertambah\", \"legalBasis\": \"Perbup Blora 45/2023\", \"effectiveDate\": \"2023-09-01\", \"changes\": [{\"lineId\": \"2\", \"amount\": 1443000000}], \"newLines\": []}")
    public record AmendmentRequest(AmendmentKind kind, String reason, String legalBasis, LocalDate effectiveDate,
                                   List<LineAmount> changes, List<NewBudgetLine> newLines) {
    }

    /** Body of a realisation. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "BudgetRealisationRequest", example = "{\"lineId\": \"2\", \"amount\": 1500000, \"date\": \"2023-11-20\", \"document\": \"SP2D-00123/2023\", \"description\": \"Gaji November\"}")
    public record RealisationRequest(String lineId, Rupiah amount, LocalDate date, String document,
                                     String description) {
    }

    /** Body of a reversal. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "RealisationReversalRequest", example = "{\"reason\": \"Nomor SP2D salah ketik\"}")
    public record ReversalRequest(String reason) {
    }

    /** What a client sent, for telling a retry from a different request under the same idempotency key. */
    record Sent(String org, int year, String path, Object body) {
    }

    private static LedgerCommands.Context context(String org, String correlation, String key, Sent sent) {
        return new LedgerCommands.Context(org, correlation, key, sent);
    }

    @ApiResponse(responseCode = "201", useReturnTypeSchema = true,
            description = "DPA ditetapkan; Location menunjuk laporan realisasinya")
    @PostMapping
    public ResponseEntity<Map<String, Object>> adopt(@PathVariable String org, @PathVariable int year,
                                                     @RequestBody AdoptionRequest body,
                                                     @RequestHeader(name = CORRELATION_ID, required = false) String correlation) {
        LedgerIds.require(org, "organisation");
        commands.send(new AdoptBudget(org, year, body.fund(), body.legalBasis(), body.adoptedOn(), null,
                body.programs()), context(org, correlation, null, null));
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + org + "/reports/budget-realisation?year="
                + year)).body(Map.of("organisationId", org, "fiscalYear", year, "status", "ADOPTED"));
    }

    @ApiResponse(responseCode = "201", description = "Perubahan anggaran dicatat", useReturnTypeSchema = true)
    @PostMapping("/amendments")
    public ResponseEntity<Map<String, Object>> amend(@PathVariable String org, @PathVariable int year,
                                                     @RequestBody AmendmentRequest body,
                                                     @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                                     @RequestHeader(name = CORRELATION_ID, required = false) String correlation) {
        LedgerIds.require(org, "organisation");
        String amendmentId = commands.send(new AmendBudget(org, year, LedgerIds.newId(), body.kind(), body.reason(),
                body.legalBasis(), body.effectiveDate(), body.changes(), body.newLines()),
                context(org, correlation, key, new Sent(org, year, "amendments", body)));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("amendmentId", amendmentId));
    }

    @ApiResponse(responseCode = "201", useReturnTypeSchema = true,
            description = "Realisasi dicatat; Location menunjuk entrinya")
    @PostMapping("/realisations")
    public ResponseEntity<RealisationReceipt> record(@PathVariable String org, @PathVariable int year,
                                                     @RequestBody RealisationRequest body,
                                                     @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                                     @RequestHeader(name = CORRELATION_ID, required = false) String correlation) {
        LedgerIds.require(org, "organisation");
        RealisationReceipt receipt;
        try {
            receipt = commands.send(new RecordRealisation(org, year, LedgerIds.newId(), body.lineId(),
                    body.amount(), body.date(), body.document(), body.description()),
                    context(org, correlation, key, new Sent(org, year, "realisations", body)));
        } catch (id.sakip.ledger.shared.RuleViolation refused) {
            metrics.realisation("rejected", refused.code());
            throw refused;
        }
        metrics.realisation("recorded", "-");
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + org + "/budgets/" + year
                + "/realisations/" + receipt.entryId())).body(receipt);
    }

    @ApiResponse(responseCode = "201", description = "Pembalikan realisasi dicatat", useReturnTypeSchema = true)
    @PostMapping("/realisations/{entryId}/reversal")
    public ResponseEntity<Map<String, Object>> reverse(@PathVariable String org, @PathVariable int year,
                                                       @PathVariable String entryId, @RequestBody ReversalRequest body,
                                                       @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                                       @RequestHeader(name = CORRELATION_ID, required = false) String correlation) {
        LedgerIds.require(org, "organisation");
        LedgerIds.require(entryId, "entry");
        commands.send(new ReverseRealisation(org, year, entryId, body.reason()),
                context(org, correlation, key, new Sent(org, year, "reversal/" + entryId, body)));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("entryId", entryId, "status", "REVERSED"));
    }

    @PostMapping("/closing")
    public ResponseEntity<Map<String, Object>> close(@PathVariable String org, @PathVariable int year,
                                                     @RequestHeader(name = CORRELATION_ID, required = false) String correlation) {
        LedgerIds.require(org, "organisation");
        commands.send(new CloseFiscalYear(org, year), context(org, correlation, null, null));
        return ResponseEntity.ok(Map.of("organisationId", org, "fiscalYear", year, "status", "CLOSED"));
    }
}
