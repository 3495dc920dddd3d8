package id.sakip.ledger.eventstore.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

import id.sakip.ledger.eventstore.ProjectionLag;
import id.sakip.ledger.eventstore.projection.ProjectionRebuilds;
import id.sakip.ledger.eventstore.projection.ProjectionRebuilds.RebuildStatus;

/** Administration of the read models: rebuild from the log and watch progress; lag per projection. */
@RestController
@RequestMapping(path = "/api/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
public class AdminController {

    private final ProjectionRebuilds rebuilds;
    private final ProjectionLag lag;

    public AdminController(ProjectionRebuilds rebuilds, ProjectionLag lag) {
        this.rebuilds = rebuilds;
        this.lag = lag;
    }

    /** Body of a rebuild request; no processors means every read model. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "RebuildRequest", example = "{\"processors\": [\"budget-books\"]}")
    public record RebuildRequest(List<String> processors) {
    }

    @ApiResponse(responseCode = "202", useReturnTypeSchema = true,
            description = "Pembangunan ulang dimulai; kemajuannya di GET /rebuilds")
    @PostMapping("/rebuilds")
    public ResponseEntity<List<RebuildStatus>> rebuild(@RequestBody(required = false) RebuildRequest body) {
        List<String> names = body == null || body.processors() == null || body.processors().isEmpty()
                ? rebuilds.processors() : body.processors();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuilds.start(names));
    }

    @GetMapping("/rebuilds")
    public List<RebuildStatus> rebuilds() {
        return rebuilds.statuses();
    }

    @GetMapping("/rebuilds/{processor}")
    public RebuildStatus rebuild(@PathVariable String processor) {
        return rebuilds.status(processor);
    }

    @GetMapping("/projections")
    public Map<String, Long> projectionLag() {
        return lag.lagByProcessor();
    }
}
