package id.sakip.ledger.eventstore.embedded;

import java.nio.ByteBuffer;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * How the embedded store keeps documents on file: as BSON, the encoding they arrive in, instead of
 * mongo-java-server's default Java serialisation, which was most of the CPU of reading documents,
 * of compaction and of file commits. A value BSON cannot hold (none is known) is kept Java-serialised
 * behind its own tag, so nothing is ever refused.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    private static final byte BSON = 1;
    private static final byte JAVA = 2;

    private volatile int averageSize = 1_024;

    @Override
    public int getMemory(Document document) {
        return averageSize * 2;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(averageSize + 64);
        try {
            BsonEncoder.encodeDocument(document, bson);
        } catch (RuntimeException notBson) {
            bson.release();
            byte[] java = ObjectDataType.serialize(document);
            buffer.put(JAVA).putVarInt(java.length).put(java);
            return;
        }
        int length = bson.readableBytes();
        buffer.put(BSON).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
        bson.release();
        averageSize = (averageSize * 15 + length) / 16;
    }

    @Override
    public Document read(ByteBuffer buffer) {
        byte tag = buffer.get();
        if (tag == JAVA) {
            byte[] java = new byte[DataUtils.readVarInt(buffer)];
            buffer.get(java);
            return (Document) ObjectDataType.deserialize(java);
        }
        if (tag != BSON) {
            throw new IllegalStateException("unknown document format " + tag + " in the store file");
        }
        int length = Integer.reverseBytes(buffer.getInt(buffer.position()));
        byte[] bson = new byte[length];
        buffer.get(bson);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
