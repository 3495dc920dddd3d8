package id.sakip.ledger.access.api;

import java.util.List;

import org.axonframework.serialization.Revision;

/** A user account was created with these roles. */
@Revision("1")
public record UserCreated(String username, String passwordHash, List<RoleGrant> roles) {
}
