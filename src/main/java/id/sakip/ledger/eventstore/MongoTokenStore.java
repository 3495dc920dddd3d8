package id.sakip.ledger.eventstore;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToInitializeTokenException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * Axon token store in MongoDB: one document per processor segment, addressed by {@code _id},
 * claimed by an owner for a limited time so that instances share the segments. It needs no
 * transactions: every change is a single-document conditional update.
 */
public class MongoTokenStore implements TokenStore {

    public static final String COLLECTION = "tokens";
    private final MongoCollection<Document> tokens;
    private final MongoCollection<Document> meta;
    private final Serializer serializer;
    private final Clock clock;
    private final Duration claimTimeout;
    private final String owner;

    public MongoTokenStore(MongoDatabase database, Serializer serializer, Clock clock, Duration claimTimeout,
                           String owner) {
        this.tokens = database.getCollection(COLLECTION);
        this.meta = database.getCollection(CommitLog.META_COLLECTION);
        this.serializer = serializer;
        this.clock = clock;
        this.claimTimeout = claimTimeout;
        this.owner = owner;
    }

    private static String id(String processor, int segment) {
        return processor + "#" + segment;
    }

    private Bson claimable(String processor, int segment) {
        long expired = clock.millis() - claimTimeout.toMillis();
        return and(eq("_id", id(processor, segment)),
                or(eq("owner", null), eq("owner", owner), lt("claimedAt", expired)));
    }

    private Bson ownedByMe(String processor, int segment) {
        return and(eq("_id", id(processor, segment)), eq("owner", owner));
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        initializeTokenSegments(processorName, segmentCount, null);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        if (fetchSegments(processorName).length > 0) {
            throw new UnableToClaimTokenException("segments of " + processorName + " are already initialized");
        }
        for (int segment = 0; segment < segmentCount; segment++) {
            initializeSegment(initialToken, processorName, segment);
        }
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        Document doc = new Document("_id", id(processorName, segment))
                .append("processor", processorName).append("segment", segment)
                .append("owner", null).append("claimedAt", 0L);
        writeToken(doc, token);
        try {
            tokens.insertOne(doc);
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                throw new UnableToInitializeTokenException("segment " + segment + " of " + processorName
                        + " already exists");
            }
            throw e;
        }
    }

    private void writeToken(Document doc, TrackingToken token) {
        if (token == null) {
            doc.append("token", null).append("tokenType", null);
        } else {
            SerializedObject<String> s = serializer.serialize(token, String.class);
            doc.append("token", s.getData()).append("tokenType", s.getType().getName());
        }
    }

    /**
     * Stores a processor's position. Axon stores it when a batch prepares to commit, before the read
     * models flush what the batch folded; without transactions a crash between the two would leave the
     * token past events no read model holds. So inside a unit of work the token is written when the
     * batch commits, after every read model's write (a batch delivered again is then folded once, by
     * the positions the books keep).
     */
    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().phase() == UnitOfWork.Phase.PREPARE_COMMIT) {
            CurrentUnitOfWork.get().onCommit(u -> persistToken(token, processorName, segment));
        } else {
            persistToken(token, processorName, segment);
        }
    }

    private void persistToken(TrackingToken token, String processorName, int segment) {
        Document set = new Document("owner", owner).append("claimedAt", clock.millis());
        writeToken(set, token);
        Document updated = tokens.findOneAndUpdate(claimable(processorName, segment), new Document("$set", set));
        if (updated == null) {
            throw new UnableToClaimTokenException("cannot store the token of segment " + segment + " of "
                    + processorName + ": it is claimed by another node or does not exist");
        }
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        Document doc = tokens.findOneAndUpdate(claimable(processorName, segment),
                Updates.combine(Updates.set("owner", owner), Updates.set("claimedAt", clock.millis())),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (doc == null) {
            throw new UnableToClaimTokenException("cannot claim segment " + segment + " of " + processorName
                    + ": it is claimed by another node or does not exist");
        }
        return readToken(doc);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) {
        return fetchToken(processorName, segment.getSegmentId());
    }

    private TrackingToken readToken(Document doc) {
        String data = doc.getString("token");
        if (data == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(data, String.class, doc.getString("tokenType"),
                null));
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        if (tokens.updateOne(ownedByMe(processorName, segment), Updates.set("claimedAt", clock.millis()))
                .getMatchedCount() == 0) {
            throw new UnableToClaimTokenException("segment " + segment + " of " + processorName
                    + " is not claimed by " + owner);
        }
    }

    /**
     * Releases every claim in the store. Only for a store that this process started itself: every node
     * that could have claimed a segment in it lost the store when the process that ran it ended, so
     * their claims would otherwise keep those segments, and reads waiting for them, idle until they expire.
     */
    public void releaseClaimsOfEndedRuns() {
        tokens.updateMany(ne("owner", null), Updates.set("owner", null));
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        tokens.updateOne(ownedByMe(processorName, segment), Updates.set("owner", null));
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        if (tokens.deleteOne(ownedByMe(processorName, segment)).getDeletedCount() == 0) {
            throw new UnableToClaimTokenException("segment " + segment + " of " + processorName
                    + " is not claimed by " + owner);
        }
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return true;
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return segmentIds(tokensOf(processorName));
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        List<Document> stored = tokensOf(processorName);
        int[] all = segmentIds(stored);
        long expired = clock.millis() - claimTimeout.toMillis();
        List<Segment> available = new ArrayList<>();
        for (Document d : stored) {
            if (!heldElsewhere(d, expired)) {
                available.add(Segment.computeSegment(d.getInteger("segment"), all));
            }
        }
        return available;
    }

    /** Where a segment's stored token stands, and whether another live node holds it now. */
    public record StoredPosition(long position, boolean heldElsewhere) {
    }

    /**
     * The stored position of each segment of a processor, whoever holds it (0 for a token at the start),
     * read without claiming anything: for the lag of segments this node does not process.
     */
    public Map<Segment, StoredPosition> storedPositions(String processorName) {
        List<Document> stored = tokensOf(processorName);
        int[] all = segmentIds(stored);
        long expired = clock.millis() - claimTimeout.toMillis();
        Map<Segment, StoredPosition> positions = new HashMap<>();
        for (Document d : stored) {
            TrackingToken token = readToken(d);
            positions.put(Segment.computeSegment(d.getInteger("segment"), all),
                    new StoredPosition(token == null ? 0 : token.position().orElse(0), heldElsewhere(d, expired)));
        }
        return positions;
    }

    private List<Document> tokensOf(String processorName) {
        return tokens.find(eq("processor", processorName)).into(new ArrayList<>());
    }

    private static int[] segmentIds(List<Document> stored) {
        return stored.stream().mapToInt(d -> d.getInteger("segment")).sorted().toArray();
    }

    /** Whether another node holds this token under a claim that has not expired. */
    private boolean heldElsewhere(Document token, long expired) {
        String o = token.getString("owner");
        Number claimedAt = token.get("claimedAt", Number.class);
        return o != null && !o.equals(owner) && claimedAt != null && claimedAt.longValue() >= expired;
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        Document d = meta.find(eq("_id", "storageIdentifier")).first();
        if (d == null) {
            try {
                meta.insertOne(new Document("_id", "storageIdentifier").append("value", UUID.randomUUID().toString()));
            } catch (MongoWriteException e) {
                if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            d = meta.find(eq("_id", "storageIdentifier")).first();
        }
        return Optional.of(d.getString("value"));
    }
}
