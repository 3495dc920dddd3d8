package id.sakip.ledger.reporting.web;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

import id.sakip.ledger.reporting.command.DpaImporter;
import id.sakip.ledger.reporting.command.LkjipImporter.ImportResult;
import id.sakip.ledger.reporting.command.LkjipParser;
import id.sakip.ledger.shared.LedgerClock;
import id.sakip.ledger.shared.web.LedgerIds;

/**
 * Imports a DPA workbook (XLSX) as an organisation's budget for a year; {@code dryRun=true} previews
 * it. The body is the workbook itself, or a multipart form with it as {@code file}.
 */
@RestController
public class DpaImportController {

    private final DpaImporter importer;
    private final Clock clock;

    public DpaImportController(DpaImporter importer, Clock clock) {
        this.importer = importer;
        this.clock = clock;
    }

    @ApiResponse(responseCode = "201", useReturnTypeSchema = true,
            description = "Berkas diimpor sebagai peristiwa baru")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true,
            description = "Pratinjau (dryRun=true) atau berkas yang sama sudah pernah diimpor; tidak ada yang dicatat")
    @PostMapping(path = "/api/v1/imports/dpa", consumes = DpaTemplate.MEDIA_TYPE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ImportResult> importWorkbook(HttpServletRequest request, @RequestParam String organisation,
                                                       @RequestParam int year,
                                                       @RequestParam(defaultValue = "false") boolean dryRun,
                                                       @RequestHeader(name = "X-Correlation-Id", required = false)
                                                       String correlationId) throws IOException {
        byte[] body = ImportController.readBounded(request.getInputStream(), LkjipParser.MAX_BYTES);
        return answer(importer.importWorkbook(LedgerIds.require(organisation, "organisation"), year, body, dryRun,
                correlationId), dryRun);
    }

    @ApiResponse(responseCode = "201", useReturnTypeSchema = true,
            description = "Berkas diimpor sebagai peristiwa baru")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true,
            description = "Pratinjau (dryRun=true) atau berkas yang sama sudah pernah diimpor; tidak ada yang dicatat")
    @PostMapping(path = "/api/v1/imports/dpa", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ImportResult> importUploaded(@RequestPart("file") MultipartFile file,
                                                       @RequestParam String organisation, @RequestParam int year,
                                                       @RequestParam(defaultValue = "false") boolean dryRun,
                                                       @RequestHeader(name = "X-Correlation-Id", required = false)
                                                       String correlationId) throws IOException {
        byte[] body = ImportController.readBounded(file.getInputStream(), LkjipParser.MAX_BYTES);
        return answer(importer.importWorkbook(LedgerIds.require(organisation, "organisation"), year, body, dryRun,
                correlationId), dryRun);
    }

    @GetMapping("/api/v1/imports/dpa/template")
    public ResponseEntity<byte[]> template(@RequestParam(required = false) Integer year) {
        return download(DpaTemplate.workbook(year == null ? LedgerClock.today(clock).getYear() : year));
    }

    static ResponseEntity<byte[]> download(byte[] body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(DpaTemplate.FILE_NAME).build().toString())
                .contentType(MediaType.parseMediaType(DpaTemplate.MEDIA_TYPE))
                .contentLength(body.length)
                .body(body);
    }

    private static ResponseEntity<ImportResult> answer(ImportResult result, boolean dryRun) {
        HttpStatus status = dryRun || result.alreadyImported() ? HttpStatus.OK : HttpStatus.CREATED;
        return ResponseEntity.status(status).body(result);
    }
}
