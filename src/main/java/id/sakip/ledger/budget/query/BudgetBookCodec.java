package id.sakip.ledger.budget.query;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Stores a {@link BudgetBook} as a MongoDB document and reads it back. */
@Component
public class BudgetBookCodec {

    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public Document write(String id, BudgetBook book) {
        try {
            return Document.parse(mapper.writeValueAsString(book)).append("_id", id);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store budget book " + id, e);
        }
    }

    public BudgetBook read(Document document) {
        Document copy = new Document(document);
        copy.remove("_id");
        try {
            return mapper.readValue(copy.toJson(RELAXED), BudgetBook.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read budget book " + document.get("_id"), e);
        }
    }
}
