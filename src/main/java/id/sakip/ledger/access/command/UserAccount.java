package id.sakip.ledger.access.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import java.util.regex.Pattern;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import id.sakip.ledger.access.api.ChangePassword;
import id.sakip.ledger.access.api.ChangeUserRoles;
import id.sakip.ledger.access.api.CreateUser;
import id.sakip.ledger.access.api.DisableUser;
import id.sakip.ledger.access.api.PasswordChanged;
import id.sakip.ledger.access.api.Role;
import id.sakip.ledger.access.api.RoleGrant;
import id.sakip.ledger.access.api.UserCreated;
import id.sakip.ledger.access.api.UserDisabled;
import id.sakip.ledger.access.api.UserId;
import id.sakip.ledger.access.api.UserRolesChanged;
import id.sakip.ledger.organisation.api.KabupatenId;
import id.sakip.ledger.shared.InvalidValue;
import id.sakip.ledger.shared.RuleViolation;

/** A user account: its roles per organisation and whether it may sign in. */
@Aggregate(cache = "aggregateCache")
public class UserAccount {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,49}");
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

    @AggregateIdentifier
    private String id;
    private String username;
    private List<RoleGrant> roles;
    private boolean disabled;

    /** The account is disabled. */
    public static final class UserIsDisabled extends RuleViolation {
        public UserIsDisabled(String username) {
            super("USER_DISABLED", Kind.RULE, "User " + username + " is disabled", java.util.Map.of("username",
                    username));
        }
    }

    protected UserAccount() {
    }

    @CommandHandler
    public UserAccount(CreateUser command) {
        if (command.username() == null || !USERNAME.matcher(command.username()).matches()) {
            throw new InvalidValue("INVALID_USERNAME", "A username is 2 to 50 lower-case letters, digits, '.', '_' or "
                    + "'-'");
        }
        requireHash(command.passwordHash());
        apply(new UserCreated(command.username(), command.passwordHash(), validRoles(command.roles())));
    }

    @CommandHandler
    public void handle(ChangeUserRoles command) {
        requireEnabled();
        List<RoleGrant> roles = validRoles(command.roles());
        if (!roles.equals(this.roles)) {
            apply(new UserRolesChanged(username, this.roles, roles));
        }
    }

    @CommandHandler
    public void handle(DisableUser command) {
        requireEnabled();
        if (command.reason() == null || command.reason().isBlank()) {
            throw new InvalidValue("REQUIRED", "reason is required");
        }
        apply(new UserDisabled(username, command.reason().strip()));
    }

    @CommandHandler
    public void handle(ChangePassword command) {
        requireEnabled();
        requireHash(command.passwordHash());
        apply(new PasswordChanged(username, command.passwordHash()));
    }

    private void requireEnabled() {
        if (disabled) {
            throw new UserIsDisabled(username);
        }
    }

    private static void requireHash(String hash) {
        if (hash == null || !BCRYPT.matcher(hash).matches()) {
            throw new InvalidValue("INVALID_PASSWORD_HASH", "The password must be stored as a BCrypt hash");
        }
    }

    private static List<RoleGrant> validRoles(List<RoleGrant> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new InvalidValue("REQUIRED", "A user needs at least one role");
        }
        for (RoleGrant r : roles) {
            if (r == null || r.role() == null || r.organisation() == null || r.organisation().isBlank()) {
                throw new InvalidValue("INVALID_ROLE", "Every role names a role and an organisation ('*' for all)");
            }
            if (r.kabupaten() != null) {
                validKabupatenGrant(r);
            } else if (!RoleGrant.ALL.equals(r.organisation())
                    && !r.organisation().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
                throw new InvalidValue("INVALID_ROLE", "Organisation id '" + r.organisation() + "' is not valid");
            }
        }
        return List.copyOf(roles);
    }

    /** A kabupaten grant names a kabupaten id ({@code kab:blora}) and is never ADMIN, which is ledger-wide. */
    private static void validKabupatenGrant(RoleGrant r) {
        if (r.role() == Role.ADMIN) {
            throw new InvalidValue("INVALID_ROLE", "ADMIN is held for every organisation ('*'), not for a kabupaten",
                    java.util.Map.of("organisation", r.organisation()));
        }
        try {
            new KabupatenId(r.kabupaten());
        } catch (IllegalArgumentException notASlug) {
            throw new InvalidValue("INVALID_ROLE", "Kabupaten id '" + r.kabupaten() + "' is not valid (e.g. kab:blora)",
                    java.util.Map.of("organisation", r.organisation()));
        }
    }

    @EventSourcingHandler
    void on(UserCreated e) {
        id = UserId.of(e.username());
        username = e.username();
        roles = e.roles();
    }

    @EventSourcingHandler
    void on(UserRolesChanged e) {
        roles = e.roles();
    }

    @EventSourcingHandler
    void on(UserDisabled e) {
        disabled = true;
    }
}
