package id.sakip.ledger.access.api;

import org.axonframework.serialization.Revision;

/** A user account was disabled, for this reason. */
@Revision("1")
public record UserDisabled(String username, String reason) {
}
