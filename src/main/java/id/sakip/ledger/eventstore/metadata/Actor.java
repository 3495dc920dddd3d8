package id.sakip.ledger.eventstore.metadata;

/**
 * Who sends a command: the authenticated user and the role they act in.
 *
 * @param id   user id
 * @param role role acted in
 */
public record Actor(String id, String role) {
}
