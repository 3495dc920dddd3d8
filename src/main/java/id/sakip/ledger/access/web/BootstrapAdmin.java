package id.sakip.ledger.access.web;

import java.security.SecureRandom;
import java.util.List;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import id.sakip.ledger.access.api.CreateUser;
import id.sakip.ledger.access.api.Role;
import id.sakip.ledger.access.api.RoleGrant;
import id.sakip.ledger.access.query.UserDirectory;
import id.sakip.ledger.eventstore.metadata.LedgerMetadata;

/**
 * On the first start, when there is no {@code admin} account, creates it with the password from
 * {@code LEDGER_BOOTSTRAP_ADMIN_PASSWORD}, or a generated one written once to the log. There is no
 * default password anywhere.
 */
@Component
public class BootstrapAdmin {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
    public static final String ADMIN = "admin";

    private final UserDirectory users;
    private final CommandGateway commands;
    private final PasswordEncoder encoder;
    private final String configured;

    public BootstrapAdmin(UserDirectory users, CommandGateway commands, PasswordEncoder encoder,
                          @Value("${ledger.security.bootstrap-admin-password:}") String configured) {
        this.users = users;
        this.commands = commands;
        this.encoder = encoder;
        this.configured = configured;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void createAdminOnFirstStart() {
        if (users.exists(ADMIN)) {
            return;
        }
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? generate() : configured;
        if (!generated && password.length() < 12) {
            throw new IllegalStateException("LEDGER_BOOTSTRAP_ADMIN_PASSWORD must have at least 12 characters");
        }
        try {
            commands.sendAndWait(new CreateUser(ADMIN, encoder.encode(password), List.of(new RoleGrant(Role.ADMIN,
                    RoleGrant.ALL))), MetaData.with(LedgerMetadata.ACTOR_ID, LedgerMetadata.SYSTEM_ACTOR)
                    .and(LedgerMetadata.ACTOR_ROLE, LedgerMetadata.SYSTEM_ROLE));
        } catch (org.axonframework.modelling.command.AggregateStreamCreationException
                 | org.axonframework.modelling.command.ConcurrencyException otherInstanceWasFirst) {
            log.info("Another instance created the first account 'admin' at the same moment");
            return;
        }
        if (generated) {
            log.warn("Created the first account 'admin' with the generated password: {}  (shown only this once; "
                    + "change it, or set LEDGER_BOOTSTRAP_ADMIN_PASSWORD before the first start)", password);
        } else {
            log.info("Created the first account 'admin' with the password from LEDGER_BOOTSTRAP_ADMIN_PASSWORD");
        }
    }

    private static String generate() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
