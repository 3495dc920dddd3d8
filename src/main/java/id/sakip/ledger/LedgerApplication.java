package id.sakip.ledger;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import id.sakip.ledger.eventstore.LedgerCli;

/** The ledger application; {@code verify …} as first argument runs the offline verifier instead. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LedgerApplication {

    static {
        // Axon 4.13 reports usage to the internet at start-up unless this JVM property is set;
        // the ledger runs on closed networks and must not call out.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }

    public static void main(String[] args) {
        if (LedgerCli.handles(args)) {
            System.exit(LedgerCli.run(args, System.out));
        }
        SpringApplication.run(LedgerApplication.class, args);
    }
}
