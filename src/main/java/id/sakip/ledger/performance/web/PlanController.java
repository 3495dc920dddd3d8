package id.sakip.ledger.performance.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

import id.sakip.ledger.eventstore.metadata.LedgerCommands;
import id.sakip.ledger.performance.api.DefinePlan;
import id.sakip.ledger.performance.api.PlanGoal;
import id.sakip.ledger.performance.api.RecordIndicatorRealisation;
import id.sakip.ledger.performance.api.RecordSakipEvaluation;
import id.sakip.ledger.performance.api.RecordSurvey;
import id.sakip.ledger.performance.api.SetIndicatorTarget;
import id.sakip.ledger.performance.computation.GradingScale;
import id.sakip.ledger.performance.query.PerformanceQueries;
import id.sakip.ledger.shared.web.LedgerIds;

/** The performance ledger's write API: the Renstra, targets, realisations, SKM surveys and SAKIP evaluations. */
@RestController
@RequestMapping(path = "/api/v1/organisations/{org}", produces = MediaType.APPLICATION_JSON_VALUE)
public class PlanController {

    private static final String CORRELATION_ID = "X-Correlation-Id";

    private final LedgerCommands commands;
    private final PerformanceQueries queries;

    public PlanController(LedgerCommands commands, PerformanceQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** Body of a Renstra definition. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "PlanDefinitionRequest", example = "{\"planId\": \"renstra-2021-2026\", \"fromYear\": 2021, \"toYear\": 2026, \"vision\": \"Sesarengan Mbangun Blora\", \"mission\": \"Mewujudkan birokrasi yang profesional\", \"goals\": [{\"id\": \"T1\", \"name\": \"Terwujudnya birokrasi yang bersih dan akuntabel\", \"objectives\": [{\"id\": \"S1\", \"name\": \"Meningkatnya akuntabilitas kinerja\", \"indicators\": [{\"id\": \"IKU-1\", \"name\": \"Nilai SAKIP\", \"unit\": \"nilai\", \"direction\": \"higher_is_better\"}]}]}]}")
    public record PlanRequest(String planId, int fromYear, int toYear, String vision, String mission,
                              List<PlanGoal> goals) {
    }

    /** Body of a target. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "IndicatorTargetRequest", example = "{\"value\": 75, \"reason\": \"Renstra Perubahan\", \"legalBasis\": \"Perbup Blora 12/2023\"}")
    public record TargetRequest(BigDecimal value, String reason, String legalBasis) {
    }

    /** Body of a realisation. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "IndicatorRealisationRequest", example = "{\"value\": 72.5, \"source\": \"LHE SAKIP Inspektorat 2023\", \"evidence\": \"LHE-700/123/2023\", \"reason\": null}")
    public record RealisationRequest(BigDecimal value, String source, String evidence, String reason) {
    }

    /** Body of an SKM survey. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "SkmSurveyRequest", example = "{\"year\": 2023, \"surveyId\": \"skm-2023-s2\", \"period\": \"Semester II\", \"responses\": [[4, 3, 4, 4, 3, 4, 4, 3, 4], [3, 3, 4, 4, 4, 4, 3, 3, 4]], \"recordAsRealisation\": true}")
    public record SurveyRequest(int year, String surveyId, String period, List<List<Integer>> responses,
                                boolean recordAsRealisation) {
    }

    /** Body of a SAKIP evaluation. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "SakipEvaluationRequest", example = "{\"year\": 2023, \"perencanaan\": 26.5, \"pengukuran\": 24.0, \"pelaporan\": 12.0, \"evaluasiInternal\": 10.0, \"evidence\": \"LHE-700/123/2023\", \"recordAsRealisation\": true}")
    public record SakipRequest(int year, BigDecimal perencanaan, BigDecimal pengukuran, BigDecimal pelaporan,
                               BigDecimal evaluasiInternal, String evidence, boolean recordAsRealisation) {
    }

    private static LedgerCommands.Context context(String org, String correlation) {
        return new LedgerCommands.Context(org, correlation, null, null);
    }

    @ApiResponse(responseCode = "201", useReturnTypeSchema = true,
            description = "Renstra ditetapkan; Location menunjuk laporan capaiannya")
    @PostMapping("/plans")
    public ResponseEntity<Map<String, Object>> define(@PathVariable String org, @RequestBody PlanRequest body,
                                                      @RequestHeader(name = CORRELATION_ID, required = false) String correlation) {
        LedgerIds.require(org, "organisation");
        LedgerIds.require(body.planId(), "plan");
        commands.send(new DefinePlan(org, body.planId(), body.fromYear(), body.toYear(), body.vision(), body.mission(),
                body.goals()), context(org, correlation));
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + org + "/reports/indicator-achievement?year="
                + body.fromYear())).body(Map.of("planId", body.planId(), "status", "DEFINED"));
    }

    @PutMapping("/indicators/{id}/targets/{year}")
    public Map<String, Object> target(@PathVariable String org, @PathVariable String id, @PathVariable int year,
                                      @RequestBody TargetRequest body,
                                      @RequestHeader(name = CORRELATION_ID, required = false) String correlation) {
        LedgerIds.require(org, "organisation");
        LedgerIds.require(id, "indicator");
        String status = commands.send(new SetIndicatorTarget(org, queries.planIdOf(org, id, year), id, year,
                body.value(), body.reason(), body.legalBasis()), context(org, correlation));
        return Map.of("indicatorId", id, "year", year, "status", status);
    }

    @PutMapping("/indicators/{id}/realisations/{year}")
    public Map<String, Object> realisation(@PathVariable String org, @PathVariable String id, @PathVariable int year,
                                           @RequestBody RealisationRequest body,
                                           @RequestHeader(name = CORRELATION_ID, required = false) String correlation) {
        LedgerIds.require(org, "organisation");
        LedgerIds.require(id, "indicator");
        String status = commands.send(new RecordIndicatorRealisation(org, queries.planIdOf(org, id, year), id, year,
                body.value(), body.source(), body.evidence(), body.reason()), context(org, correlation));
        return Map.of("indicatorId", id, "year", year, "status", status);
    }

    @ApiResponse(responseCode = "201", useReturnTypeSchema = true,
            description = "Survei SKM dicatat dengan nilai dan mutunya")
    @PostMapping("/indicators/{id}/surveys")
    public ResponseEntity<Map<String, Object>> survey(@PathVariable String org, @PathVariable String id,
                                                      @RequestBody SurveyRequest body,
                                                      @RequestHeader(name = CORRELATION_ID, required = false) String correlation) {
        LedgerIds.require(org, "organisation");
        LedgerIds.require(id, "indicator");
        String surveyId = body.surveyId() == null ? LedgerIds.newId() : LedgerIds.require(body.surveyId(), "survey");
        BigDecimal skm = commands.send(new RecordSurvey(org, queries.planIdOf(org, id, body.year()), id, body.year(),
                surveyId, body.period(), body.responses(), body.recordAsRealisation()), context(org, correlation));
        var grade = GradingScale.SKM.grade(skm);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("surveyId", surveyId, "skm", skm,
                "grade", grade == null ? "-" : grade.grade(), "mutu", grade == null ? "-" : grade.label()));
    }

    @ApiResponse(responseCode = "201", useReturnTypeSchema = true,
            description = "Evaluasi SAKIP dicatat dengan nilai total dan predikatnya")
    @PostMapping("/indicators/{id}/sakip-evaluations")
    public ResponseEntity<Map<String, Object>> sakip(@PathVariable String org, @PathVariable String id,
                                                     @RequestBody SakipRequest body,
                                                     @RequestHeader(name = CORRELATION_ID, required = false) String correlation) {
        LedgerIds.require(org, "organisation");
        LedgerIds.require(id, "indicator");
        BigDecimal total = commands.send(new RecordSakipEvaluation(org, queries.planIdOf(org, id, body.year()), id,
                body.year(), body.perencanaan(), body.pengukuran(), body.pelaporan(), body.evaluasiInternal(),
                body.evidence(), body.recordAsRealisation()), context(org, correlation));
        var grade = GradingScale.SAKIP.grade(total);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("total", total,
                "predicate", grade == null ? "-" : grade.grade()));
    }
}
