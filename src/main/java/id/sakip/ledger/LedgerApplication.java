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
        if (java.util.Arrays.asList(args).contains("--ledger.mode=store")) {
            runStoreOnly(args);
            return;
        }
        if (args.length > 0 && "rebuild".equals(args[0])) {
            System.exit(rebuild(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(LedgerApplication.class, args);
    }

    /**
     * {@code --ledger.mode=store [--ledger.data-dir=DIR] [--ledger.mongo.embedded-host=127.0.0.1]
     * [--ledger.mongo.embedded-port=27017]}: runs only the embedded store (mongo-java-server on its H2
     * file, committed before every answer) so that several ledger instances on one machine can share it
     * through {@code ledger.mongo.uri}. Stops cleanly on SIGTERM.
     */
    static void runStoreOnly(String[] args) {
        java.util.Map<String, String> options = new java.util.HashMap<>();
        for (String a : args) {
            if (a.startsWith("--") && a.contains("=")) {
                options.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            }
        }
        var store = id.sakip.ledger.eventstore.embedded.EmbeddedMongoStore.start(
                java.nio.file.Path.of(options.getOrDefault("ledger.data-dir", "./data")),
                options.getOrDefault("ledger.mongo.embedded-host", "127.0.0.1"),
                Integer.parseInt(options.getOrDefault("ledger.mongo.embedded-port", "27017")));
        System.out.println("LEDGER STORE READY " + store.connectionString());
        Runtime.getRuntime().addShutdownHook(new Thread(store::close, "ledger-store-shutdown"));
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * {@code rebuild [--processors=a,b] [--ledger.mongo.uri=…]}: starts the ledger without its web
     * server, rebuilds the named read models (all when none are named) from the log, printing progress,
     * and stops. Exit code 0 when every rebuild finished.
     */
    static int rebuild(String[] args) {
        java.util.List<String> names = new java.util.ArrayList<>();
        java.util.List<String> rest = new java.util.ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--processors=")) {
                names.addAll(java.util.Arrays.asList(a.substring("--processors=".length()).split(",")));
            } else {
                rest.add(a);
            }
        }
        try (var context = new org.springframework.boot.builder.SpringApplicationBuilder(LedgerApplication.class)
                .web(org.springframework.boot.WebApplicationType.NONE).run(rest.toArray(new String[0]))) {
            var rebuilds = context.getBean(id.sakip.ledger.eventstore.projection.ProjectionRebuilds.class);
            java.util.List<String> targets = names.isEmpty() ? rebuilds.processors() : names;
            rebuilds.start(targets);
            boolean done = true;
            for (String name : targets) {
                while (!rebuilds.awaitDone(name, java.time.Duration.ofSeconds(2))) {
                    System.out.println(rebuilds.status(name));
                }
                System.out.println(rebuilds.status(name));
                done &= "DONE".equals(rebuilds.status(name).state());
            }
            return done ? 0 : 1;
        }
    }
}
