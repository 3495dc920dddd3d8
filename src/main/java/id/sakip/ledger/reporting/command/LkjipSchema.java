package id.sakip.ledger.reporting.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The LKjIP file format, written once as a JSON Schema ({@code schema/lkjip-file.schema.json}); a file's
 * plain YAML data is checked against it before it is read, each violation as a problem in Bahasa Indonesia
 * with its path in the file.
 */
public final class LkjipSchema {

    /** Where the schema is, on the class path and in the repository under src/main/resources. */
    public static final String RESOURCE = "schema/lkjip-file.schema.json";

    private static final String ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonSchema SCHEMA = load();

    private LkjipSchema() {
    }

    private static JsonSchema load() {
        try (InputStream in = LkjipSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.LEGACY).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every violation of the schema by the file's data, sorted by path. */
    public static List<LkjipProblems.Problem> problems(Object yamlRoot) {
        List<LkjipProblems.Problem> problems = new ArrayList<>();
        for (ValidationMessage m : SCHEMA.validate(json(yamlRoot))) {
            String path = path(m.getInstanceLocation());
            if (m.getProperty() != null && ("required".equals(m.getType())
                    || "additionalProperties".equals(m.getType()))) {
                path = path.equals("$") ? m.getProperty() : path + "." + m.getProperty();
            }
            problems.add(new LkjipProblems.Problem(path, message(m)));
        }
        problems.sort(Comparator.comparing(LkjipProblems.Problem::path));
        return problems;
    }

    /** The YAML data as JSON: keys as text, dates as YYYY-MM-DD. */
    static JsonNode json(Object v) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof Map<?, ?> map) {
            ObjectNode o = NODES.objectNode();
            map.forEach((k, value) -> o.set(String.valueOf(k), json(value)));
            return o;
        }
        if (v instanceof List<?> list) {
            ArrayNode a = NODES.arrayNode();
            list.forEach(item -> a.add(json(item)));
            return a;
        }
        if (v instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (v instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (v instanceof java.math.BigInteger b) {
            return NODES.numberNode(b);
        }
        if (v instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof Date d) {
            return NODES.textNode(d.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString());
        }
        return NODES.textNode(v.toString());
    }

    private static String path(JsonNodePath location) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                s.append('[').append(index).append(']');
            } else {
                s.append(s.isEmpty() ? "" : ".").append(element);
            }
        }
        return s.isEmpty() ? "$" : s.toString();
    }

    private static String argument(ValidationMessage m, int i) {
        Object[] args = m.getArguments();
        return args != null && args.length > i && args[i] != null ? args[i].toString() : "";
    }

    private static String message(ValidationMessage m) {
        JsonNode schema = m.getSchemaNode();
        return switch (m.getType()) {
            case "required" -> "wajib diisi";
            case "additionalProperties" -> "tidak dikenal di sini (periksa ejaannya; lihat skema berkas LKjIP)";
            case "type" -> "harus berupa " + typeName(argument(m, 1)) + ", bukan " + typeName(argument(m, 0));
            case "enum" -> "harus salah satu dari: " + enumValues(schema);
            case "minimum" -> "tidak boleh kurang dari " + argument(m, 0);
            case "maximum" -> "tidak boleh lebih dari " + argument(m, 0);
            case "exclusiveMinimum" -> "harus lebih dari " + argument(m, 0);
            case "exclusiveMaximum" -> "harus kurang dari " + argument(m, 0);
            case "minItems" -> "harus berisi paling sedikit " + argument(m, 0) + " butir";
            case "maxItems" -> "harus berisi paling banyak " + argument(m, 0) + " butir";
            case "minLength" -> "tidak boleh kosong";
            case "maxLength" -> "paling panjang " + argument(m, 0) + " karakter";
            case "pattern" -> pattern(schema == null ? "" : schema.asText());
            case "propertyNames" -> "nama isian '" + argument(m, 0) + "' tidak sesuai: " + propertyNamePattern(m);
            case "not" -> "memakai dua batas yang saling meniadakan (above dengan from, atau upto dengan below)";
            default -> "tidak sesuai skema berkas LKjIP (aturan " + m.getType() + ")";
        };
    }

    private static String propertyNamePattern(ValidationMessage m) {
        JsonNode schema = m.getSchemaNode();
        return pattern(schema == null ? "" : schema.path("pattern").asText());
    }

    private static String pattern(String regex) {
        if (regex.equals(ID_PATTERN)) {
            return "hanya boleh huruf, angka, '.', '_' atau '-' (paling banyak 100 karakter)";
        }
        if (regex.contains("[0-9]{4}-[0-9]{2}")) {
            return "harus tanggal dengan bentuk TTTT-BB-HH";
        }
        if (regex.equals("^[0-9]{4}$")) {
            return "harus tahun empat angka";
        }
        if (regex.contains("program_")) {
            return "harus nomor program, misalnya program_1";
        }
        if (regex.contains("%")) {
            return "harus angka seperti tercetak, misalnya \"96,66\", \"104\", \"99,80%\", \"1.925.000\" atau \"-\"";
        }
        if (regex.contains(">")) {
            return "harus aturan seperti \"> 0\", \"= 0\" atau \"< 0\"";
        }
        return "bentuknya tidak sesuai pola " + regex;
    }

    private static String typeName(String type) {
        return switch (type) {
            case "object" -> "pemetaan (kunci: nilai)";
            case "array" -> "daftar";
            case "string" -> "teks";
            case "integer" -> "bilangan bulat";
            case "number" -> "angka";
            case "boolean" -> "ya/tidak";
            case "null" -> "kosong";
            default -> type.replace("string", "teks").replace("integer", "bilangan bulat").replace("number", "angka")
                    .replace("boolean", "ya/tidak").replace("null", "kosong").replace("object", "pemetaan")
                    .replace("array", "daftar");
        };
    }

    private static String enumValues(JsonNode schema) {
        if (schema == null || !schema.isArray()) {
            return "";
        }
        List<String> values = new ArrayList<>();
        schema.forEach(v -> {
            if (!v.isNull()) {
                values.add(v.asText());
            }
        });
        return String.join(", ", values);
    }
}
