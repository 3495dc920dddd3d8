package id.sakip.ledger.eventstore;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** Axon's storage-engine suite on the embedded default: mongo-java-server with its H2 file, via the real driver. */
class AxonStorageEngineConformanceTest extends AxonStorageEngineConformance {

    @TempDir
    Path dataDir;

    @Override
    protected TestStore openStore() {
        return TestStore.embedded(dataDir);
    }
}
