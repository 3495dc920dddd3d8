package id.sakip.ledger.access.api;

import java.util.List;

import org.axonframework.serialization.Revision;

/** A user's roles were changed from these to those. */
@Revision("1")
public record UserRolesChanged(String username, List<RoleGrant> previous, List<RoleGrant> roles) {
}
