package id.sakip.ledger.shared.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * Documents the refusals of {@link ProblemHandler} and the security chain as {@code application/problem+json}
 * responses of the {@code ApiProblem} schema, added to each operation by what the operation can be refused for.
 */
@Component
public class ApiProblemResponses implements OpenApiCustomizer {

    /** The schema name of an RFC 7807 refusal. */
    public static final String SCHEMA = "ApiProblem";
    /** The media type every refusal is answered in. */
    public static final String PROBLEM_JSON = "application/problem+json";

    private static final String REF = "#/components/schemas/" + SCHEMA;

    /** Operations that change nothing in the log although they are POSTs: they read, or rebuild read models. */
    private static final Set<String> APPEND_NOTHING = Set.of(
            "POST /api/v1/audit/verify",
            "POST /api/v1/admin/rebuilds");

    /** Operations any signed-in user may call (see {@code SecurityConfiguration}); every other API operation has a role rule. */
    private static final Set<String> ANY_SIGNED_IN_USER = Set.of(
            "GET /api/v1/organisations",
            "GET /api/v1/kabupaten",
            "GET /api/v1/kabupaten/{kab}/grading-scales/{kind}");

    /** Path variables checked as ledger ids ({@code LedgerIds}, {@code KabupatenId}), answering 422 when malformed. */
    private static final Set<String> CHECKED_PATH_VARIABLES = Set.of("org", "kab", "id", "entryId");

    /** Query parameters whose value the ledger checks beyond its type (answering 422). */
    private static final Set<String> CHECKED_QUERY_PARAMETERS = Set.of(
            "format", "limit", "from", "to", "lineId", "indicatorId", "organisation");

    /** Operations that name something that may not exist in their body rather than their path. */
    private static final Set<String> NAMED_IN_BODY = Set.of("POST /api/v1/admin/rebuilds");

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSchemas(SCHEMA, schema());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> document(path, method, operation)));
    }

    static Schema<Object> schema() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("organisationId", "kec-jiken");
        details.put("role", "TREASURER");
        details.put("kabupatenId", "blora");
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "urn:ledger:problem:forbidden");
        example.put("title", "FORBIDDEN");
        example.put("status", 403);
        example.put("detail", "kec-jiken sudah terdaftar di kabupaten blora; hanya TREASURER organisasi itu atau "
                + "kabupatennya (kab:blora) yang dapat mencatat datanya");
        example.put("instance", "/api/v1/organisations/kec-jiken/budgets/2023/realisations");
        example.put("code", "FORBIDDEN");
        example.put("details", details);
        Schema<Object> schema = new ObjectSchema()
                .description("Penolakan menurut RFC 7807 (application/problem+json): kode aturan dalam `code`, "
                        + "penjelasan dalam `detail`, angka-angka pendukung dalam `details`. Tidak pernah berisi "
                        + "stack trace.")
                .addProperty("type", new StringSchema().format("uri")
                        .description("URN aturan yang dilanggar, `urn:ledger:problem:` diikuti kode")
                        .example("urn:ledger:problem:budget-ceiling-exceeded"))
                .addProperty("title", new StringSchema().description("Kode aturan, sama dengan `code`")
                        .example("BUDGET_CEILING_EXCEEDED"))
                .addProperty("status", new IntegerSchema().format("int32").description("Status HTTP jawaban")
                        .example(409))
                .addProperty("detail", new StringSchema().description("Penjelasan penolakan untuk manusia"))
                .addProperty("instance", new StringSchema().format("uri")
                        .description("Alamat permintaan yang ditolak (tidak ada pada penolakan masuk/peran)"))
                .addProperty("code", new StringSchema().description("Kode aturan dalam bahasa Inggris, tetap untuk "
                        + "program klien, mis. YEAR_CLOSED, INVALID_ID, CONCURRENT_CHANGE").example("YEAR_CLOSED"))
                .addProperty("details", new ObjectSchema().additionalProperties(true)
                        .description("Fakta pendukung menurut aturan, mis. lineId, budget, realised, remaining "
                                + "(rupiah bulat); hanya ada bila ada faktanya"));
        schema.setRequired(List.of("type", "title", "status", "code"));
        schema.setExample(example);
        return schema;
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        String key = method + " " + path;
        boolean api = path.startsWith("/api/");
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD
                && !APPEND_NOTHING.contains(key);
        boolean body = operation.getRequestBody() != null;
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean pathOrQuery = parameters.stream().anyMatch(p -> "path".equals(p.getIn()) || "query".equals(p.getIn()));
        boolean checked = parameters.stream().anyMatch(p -> ("path".equals(p.getIn())
                && CHECKED_PATH_VARIABLES.contains(p.getName()))
                || ("query".equals(p.getIn()) && CHECKED_QUERY_PARAMETERS.contains(p.getName())));
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        ApiResponses responses = operation.getResponses();
        if (body || pathOrQuery) {
            add(responses, "400", "Permintaan tidak terbaca: JSON rusak, kolom tak dikenal atau salah jenis, "
                    + "parameter hilang atau salah format, atau alamat berisi garis miring tersandi atau '..'",
                    "MALFORMED_REQUEST",
                    "Field 'amount' has the wrong type or format (money is a whole number of rupiah, dates are "
                            + "YYYY-MM-DD)", Map.of("field", "amount"));
        }
        if (write || checked) {
            add(responses, "422", "Nilai tidak sah: id, format, rentang atau isi yang ditolak aturan validasi",
                    "INVALID_ID", "The organisation id is not valid: use letters, digits, '.', '_' or '-' "
                            + "(at most 100)", null);
        }
        if (api) {
            add(responses, "401", "Belum masuk: kredensial (HTTP Basic atau token) tidak ada atau salah",
                    "UNAUTHENTICATED", "Sign in first: credentials are required", null);
        }
        if (api && !ANY_SIGNED_IN_USER.contains(key)) {
            add(responses, "403", "Peran pengguna tidak mengizinkan tindakan ini untuk organisasi atau kabupaten itu",
                    "FORBIDDEN", "Peran Anda tidak mengizinkan tindakan ini", null);
        }
        if (path.contains("{") || NAMED_IN_BODY.contains(key)) {
            add(responses, "404", "Tidak ditemukan: organisasi, anggaran, rencana, indikator, entri, pengguna atau "
                    + "read model yang disebut tidak ada", "NOT_FOUND", "No such budget or plan: budget:kec-jiken:2023",
                    Map.of("id", "budget:kec-jiken:2023"));
        }
        if (write) {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("lineId", "2");
            facts.put("budget", 1_443_000_000L);
            facts.put("realised", 1_442_000_000L);
            facts.put("remaining", 1_000_000L);
            facts.put("requested", 1_500_000L);
            facts.put("excess", 500_000L);
            add(responses, "409", "Ditolak aturan ledger atau bentrok: melampaui pagu, tahun sudah ditutup, sudah ada, "
                    + "kunci idempotensi dipakai untuk isi lain, atau perubahan serentak (tidak ada yang dicatat; "
                    + "ulangi)", "BUDGET_CEILING_EXCEEDED", "Realisation of Rp 1.500.000 on line 2 exceeds its "
                    + "remaining budget of Rp 1.000.000 by Rp 500.000", facts);
        }
        if (api && write) {
            add(responses, "503", "Penyimpanan peristiwa tidak tersedia atau pemeriksaan kata sandi sedang penuh; "
                    + "tidak ada yang dicatat, ulangi setelah Retry-After", "STORE_UNAVAILABLE",
                    "The ledger could not store the change; nothing was recorded", null);
        } else if (api) {
            Map<String, Object> behind = new LinkedHashMap<>();
            behind.put("position", 48213);
            behind.put("behind", List.of("budget-books"));
            add(responses, "503", "Belum dapat menjawab: model baca tertinggal dari log, pemeriksaan kata sandi "
                    + "sedang penuh, atau log peristiwa rusak; ulangi setelah Retry-After", "READ_MODELS_BEHIND",
                    "The read models [budget-books] have not reached log position 48213 within 5000 ms; ask again "
                            + "after Retry-After", behind);
        }
    }

    private static void add(ApiResponses responses, String status, String description, String code, String detail,
                            Map<String, Object> details) {
        if (responses.containsKey(status)) {
            return;
        }
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "urn:ledger:problem:" + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        example.put("title", code);
        example.put("status", Integer.parseInt(status));
        example.put("detail", detail);
        example.put("code", code);
        if (details != null) {
            example.put("details", details);
        }
        responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(REF)).example(example))));
    }
}
