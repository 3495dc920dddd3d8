package id.sakip.ledger.access.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Disable a user account: it can no longer sign in; its history stays. */
public record DisableUser(String username, String reason) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return UserId.of(username);
    }
}
