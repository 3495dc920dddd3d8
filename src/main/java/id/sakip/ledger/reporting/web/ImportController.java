package id.sakip.ledger.reporting.web;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

import id.sakip.ledger.reporting.command.LkjipImporter;
import id.sakip.ledger.reporting.command.LkjipImporter.ImportResult;
import id.sakip.ledger.reporting.command.LkjipParser;
import id.sakip.ledger.shared.web.RequestTooLarge;

/** Imports an LKjIP data file (YAML) as events; {@code dryRun=true} previews without recording. */
@RestController
public class ImportController {

    private final LkjipImporter importer;

    public ImportController(LkjipImporter importer) {
        this.importer = importer;
    }

    @ApiResponse(responseCode = "201", useReturnTypeSchema = true,
            description = "Berkas diimpor sebagai peristiwa baru")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true,
            description = "Pratinjau (dryRun=true) atau berkas yang sama sudah pernah diimpor; tidak ada yang dicatat")
    @PostMapping(path = "/api/v1/imports/lkjip", consumes = {"application/yaml", "application/x-yaml", "text/yaml"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ImportResult> importLkjip(HttpServletRequest request,
                                                    @RequestParam(defaultValue = "false") boolean dryRun,
                                                    @RequestHeader(name = "X-Correlation-Id", required = false)
                                                    String correlationId) throws IOException {
        byte[] body = readBounded(request.getInputStream(), LkjipParser.MAX_BYTES);
        ImportResult result = importer.importFile(body, dryRun, correlationId);
        HttpStatus status = dryRun || result.alreadyImported() ? HttpStatus.OK : HttpStatus.CREATED;
        return ResponseEntity.status(status).body(result);
    }

    /** Reads at most {@code limit} bytes and refuses a larger body without reading all of it. */
    public static byte[] readBounded(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new RequestTooLarge(limit);
        }
        return bytes;
    }
}
