package id.sakip.ledger.performance.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import id.sakip.ledger.eventstore.metadata.LedgerCommands;
import id.sakip.ledger.organisation.api.KabupatenId;
import id.sakip.ledger.performance.api.OverrideOrganisationGradingScale;
import id.sakip.ledger.performance.api.SetKabupatenGradingScale;
import id.sakip.ledger.performance.computation.ScaleBand;
import id.sakip.ledger.performance.computation.ScaleKind;
import id.sakip.ledger.performance.query.GradingScaleQueries;
import id.sakip.ledger.performance.query.GradingScaleQueries.ScaleView;
import id.sakip.ledger.shared.InvalidValue;
import id.sakip.ledger.shared.LedgerClock;
import id.sakip.ledger.shared.UnknownItem;
import id.sakip.ledger.shared.web.LedgerIds;

/**
 * The category scales (capaian, efficiency) of a kabupaten and an organisation's overrides: set one from a
 * year on, or read the one in force for a year, as of an instant, with its history.
 */
@RestController
public class GradingScaleController {

    private static final String CORRELATION_ID = "X-Correlation-Id";

    private final LedgerCommands commands;
    private final GradingScaleQueries queries;
    private final java.time.Clock clock;

    public GradingScaleController(LedgerCommands commands, GradingScaleQueries queries, java.time.Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    /** One band of a request: bounds ({@code above}/{@code from}, {@code upto}/{@code below}) or a {@code rule}. */
    public record BandRequest(BigDecimal above, BigDecimal from, BigDecimal upto, BigDecimal below, String rule,
                              String label) {
    }

    /** Body of a scale. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "GradingScaleRequest", example = "{\"effectiveFrom\": 2024, "
            + "\"legalBasis\": \"Peraturan Bupati Blora Nomor 12 Tahun 2024\", \"reason\": \"Skala Permendagri 86/2017\", "
            + "\"cap\": null, \"bands\": [{\"from\": 91, \"label\": \"Sangat Tinggi\"}, {\"from\": 76, \"below\": 91, "
            + "\"label\": \"Tinggi\"}, {\"from\": 66, \"below\": 76, \"label\": \"Sedang\"}, {\"from\": 51, \"below\": 66, "
            + "\"label\": \"Rendah\"}, {\"below\": 51, \"label\": \"Sangat Rendah\"}]}")
    public record ScaleRequest(Integer effectiveFrom, String legalBasis, String reason, BigDecimal cap,
                               List<BandRequest> bands) {
    }

    private static ScaleKind kind(String code) {
        ScaleKind kind = ScaleKind.fromCode(code);
        if (kind == null) {
            throw new UnknownItem("UNKNOWN_SCALE_KIND", "Jenis skala \"" + code + "\" tidak dikenal: capaian atau "
                    + "efficiency", Map.of("kind", String.valueOf(code)));
        }
        return kind;
    }

    private static List<ScaleBand> bands(ScaleRequest body) {
        if (body.bands() == null) {
            throw new InvalidValue("INVALID_SCALE", "Skala memerlukan daftar pita (bands)");
        }
        List<ScaleBand> bands = new ArrayList<>();
        for (BandRequest b : body.bands()) {
            if (b == null) {
                throw new InvalidValue("INVALID_SCALE", "Pita ke-" + (bands.size() + 1) + " kosong");
            }
            try {
                bands.add(ScaleBand.of(b.above(), b.from(), b.upto(), b.below(), b.rule(), b.label()));
            } catch (IllegalArgumentException bad) {
                throw new InvalidValue("INVALID_SCALE", "Skala tidak sah: " + bad.getMessage());
            }
        }
        return bands;
    }

    private static int effectiveFrom(ScaleRequest body) {
        if (body.effectiveFrom() == null) {
            throw new InvalidValue("REQUIRED", "Tahun berlaku (effectiveFrom) wajib diisi");
        }
        return body.effectiveFrom();
    }

    private static String kabupaten(String kab) {
        try {
            return new KabupatenId(kab).value();
        } catch (IllegalArgumentException bad) {
            throw new InvalidValue("INVALID_KABUPATEN", "\"" + kab + "\" bukan id kabupaten (mis. blora)");
        }
    }

    private int year(Integer year) {
        return year == null ? LedgerClock.today(clock).getYear() : year;
    }

    @PutMapping(path = "/api/v1/organisations/{org}/grading-scales/{kind}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> override(@PathVariable String org, @PathVariable String kind,
                                        @RequestBody ScaleRequest body,
                                        @RequestHeader(name = CORRELATION_ID, required = false) String correlation) {
        LedgerIds.require(org, "organisation");
        ScaleKind k = kind(kind);
        String status = commands.send(new OverrideOrganisationGradingScale(org, k, effectiveFrom(body),
                body.legalBasis(), body.reason(), body.cap(), bands(body)),
                new LedgerCommands.Context(org, correlation, null, null));
        return answer("organisation", org, k, body, status);
    }

    @PutMapping(path = "/api/v1/kabupaten/{kab}/grading-scales/{kind}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> set(@PathVariable String kab, @PathVariable String kind,
                                   @RequestBody ScaleRequest body,
                                   @RequestHeader(name = CORRELATION_ID, required = false) String correlation) {
        String id = kabupaten(kab);
        ScaleKind k = kind(kind);
        String status = commands.send(new SetKabupatenGradingScale(id, k, effectiveFrom(body), body.legalBasis(),
                body.reason(), body.cap(), bands(body)), new LedgerCommands.Context(null, correlation, null, null));
        return answer("kabupaten", id, k, body, status);
    }

    private static Map<String, Object> answer(String scope, String owner, ScaleKind kind, ScaleRequest body,
                                              String status) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("scope", scope);
        answer.put("ownerId", owner);
        answer.put("kind", kind.code());
        answer.put("effectiveFrom", body.effectiveFrom());
        answer.put("status", status);
        return answer;
    }

    @GetMapping(path = "/api/v1/organisations/{org}/grading-scales/{kind}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ScaleView ofOrganisation(@PathVariable String org, @PathVariable String kind,
                                    @RequestParam(required = false) Integer year,
                                    @RequestParam(required = false) Instant asOf) {
        LedgerIds.require(org, "organisation");
        return queries.ofOrganisation(org, kind(kind), year(year), asOf);
    }

    @GetMapping(path = "/api/v1/kabupaten/{kab}/grading-scales/{kind}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ScaleView ofKabupaten(@PathVariable String kab, @PathVariable String kind,
                                 @RequestParam(required = false) Integer year,
                                 @RequestParam(required = false) Instant asOf) {
        return queries.ofKabupaten(kabupaten(kab), kind(kind), year(year), asOf);
    }
}
