package id.sakip.ledger.access.api;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace a user's roles. */
public record ChangeUserRoles(String username, List<RoleGrant> roles) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return UserId.of(username);
    }
}
