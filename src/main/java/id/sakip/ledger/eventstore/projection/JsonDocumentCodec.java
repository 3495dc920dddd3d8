package id.sakip.ledger.eventstore.projection;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Stores a read-model object as a MongoDB document (through its JSON form) and reads it back. */
public final class JsonDocumentCodec<T> {

    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Class<T> type;

    public JsonDocumentCodec(Class<T> type) {
        this.type = type;
    }

    public Document write(String id, T value) {
        try {
            return Document.parse(MAPPER.writeValueAsString(value)).append("_id", id);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store " + type.getSimpleName() + " " + id, e);
        }
    }

    public T read(Document document) {
        Document copy = new Document(document);
        copy.remove("_id");
        try {
            return MAPPER.readValue(copy.toJson(RELAXED), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read " + type.getSimpleName() + " " + document.get("_id"), e);
        }
    }
}
