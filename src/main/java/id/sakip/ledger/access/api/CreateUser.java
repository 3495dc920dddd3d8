package id.sakip.ledger.access.api;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Create a user account with its BCrypt password hash and its roles.
 *
 * @param passwordHash the BCrypt hash of the password; the password itself is never stored or sent on
 */
public record CreateUser(String username, String passwordHash, List<RoleGrant> roles) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return UserId.of(username);
    }
}
