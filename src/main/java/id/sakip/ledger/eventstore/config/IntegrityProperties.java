package id.sakip.ledger.eventstore.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often the running ledger verifies the log from its last verified place (it also does at start-up).
 *
 * @param verifyInterval time between two checks
 */
@ConfigurationProperties("ledger.integrity")
public record IntegrityProperties(@DefaultValue("5m") Duration verifyInterval) {
}
