package id.sakip.ledger.eventstore;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Axon's storage-engine suite against an external MongoDB (a replica set in production), when a URI is given. */
@EnabledIfEnvironmentVariable(named = TestStore.EXTERNAL_URI_VARIABLE, matches = ".+",
        disabledReason = "LEDGER_TEST_MONGO_URI is not set: the external MongoDB run of Axon's suite is skipped")
class ExternalMongoAxonStorageEngineConformanceTest extends AxonStorageEngineConformance {

    @Override
    protected TestStore openStore() {
        return TestStore.external(System.getenv(TestStore.EXTERNAL_URI_VARIABLE));
    }
}
