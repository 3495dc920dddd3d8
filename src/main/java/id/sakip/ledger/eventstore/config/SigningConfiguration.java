package id.sakip.ledger.eventstore.config;

import java.time.Clock;
import java.util.List;
import java.util.function.BiFunction;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.client.MongoDatabase;

import id.sakip.ledger.eventstore.ChainVerifier;
import id.sakip.ledger.eventstore.CheckpointSigner;
import id.sakip.ledger.eventstore.CheckpointVerifier;
import id.sakip.ledger.eventstore.CommitLog;
import id.sakip.ledger.eventstore.LogIntegrityMonitor;
import id.sakip.ledger.eventstore.SignedCheckpoints;
import io.micrometer.core.instrument.MeterRegistry;

/** Wires the checkpoint signing key, the signed checkpoint file and the monitor that guards the log with them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SigningProperties.class, IntegrityProperties.class})
public class SigningConfiguration {

    @Bean
    public CheckpointSigner checkpointSigner(SigningProperties signing, LedgerProperties properties) {
        return CheckpointSigner.open(signing.keyFileBeside(properties.dataDir()));
    }

    @Bean
    public SignedCheckpoints signedCheckpoints(SigningProperties signing, LedgerProperties properties,
                                               CheckpointSigner signer) {
        return new SignedCheckpoints(signing.checkpointFileBeside(properties.dataDir()), signer.publicKey());
    }

    @Bean
    public CheckpointVerifier checkpointVerifier(MongoDatabase ledgerDatabase, ChainVerifier chainVerifier,
                                                 SignedCheckpoints checkpoints) {
        return new CheckpointVerifier(ledgerDatabase, chainVerifier, checkpoints);
    }

    @Bean
    public LogIntegrityMonitor logIntegrityMonitor(CommitLog commitLog, CheckpointSigner signer,
                                                   CheckpointVerifier verifier, Clock clock, SigningProperties signing,
                                                   IntegrityProperties integrity, MeterRegistry registry,
                                                   CommandBus commandBus) {
        LogIntegrityMonitor monitor = new LogIntegrityMonitor(commitLog, signer, verifier, clock,
                signing.everyCommits(), signing.every(), integrity.verifyInterval(), registry);
        commandBus.registerDispatchInterceptor(new RefuseCommandsOnBrokenLog(monitor));
        return monitor;
    }

    /** Refuses every command before it is handled while the log is broken. */
    record RefuseCommandsOnBrokenLog(LogIntegrityMonitor monitor) implements MessageDispatchInterceptor<CommandMessage<?>> {

        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
            return (index, message) -> {
                monitor.requireIntact();
                return message;
            };
        }
    }
}
