package id.sakip.ledger.eventstore.config;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the ledger's storage.
 *
 * @param dataDir directory of the embedded store's H2 file ({@code ledger.data-dir})
 * @param mongo   where the events live
 * @param mode    {@code app} (default) runs the ledger; {@code store} runs only the embedded store
 */
@ConfigurationProperties("ledger")
public record LedgerProperties(@DefaultValue("./data") Path dataDir,
                               @DefaultValue Mongo mongo,
                               @DefaultValue("app") String mode) {

    /**
     * @param uri          MongoDB connection string; blank starts the embedded store ({@code LEDGER_MONGO_URI})
     * @param database     database name
     * @param embeddedHost loopback address the embedded store binds to
     * @param embeddedPort port of the embedded store, 0 for a free one
     * @param claimTimeout how long a processor segment claim lasts without being extended
     * @param embeddedAlsoDurable collections besides the event log whose writes the embedded store
     *                            acknowledges only once on file (e.g. a benchmark's baseline)
     */
    public record Mongo(@DefaultValue("") String uri,
                        @DefaultValue("ledger") String database,
                        @DefaultValue("127.0.0.1") String embeddedHost,
                        @DefaultValue("0") int embeddedPort,
                        @DefaultValue("10s") Duration claimTimeout,
                        @DefaultValue({}) java.util.List<String> embeddedAlsoDurable) {

        public boolean embedded() {
            return uri == null || uri.isBlank();
        }
    }
}
