package id.sakip.ledger.access.api;

import org.axonframework.serialization.Revision;

/** A user's password was changed (only its BCrypt hash is recorded). */
@Revision("1")
public record PasswordChanged(String username, String passwordHash) {
}
