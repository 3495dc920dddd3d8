package id.sakip.ledger.access.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set a new password (as its BCrypt hash) for a user, e.g. when rotating the bootstrap password. */
public record ChangePassword(String username, String passwordHash) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return UserId.of(username);
    }
}
