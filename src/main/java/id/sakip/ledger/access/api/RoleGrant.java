package id.sakip.ledger.access.api;

/**
 * A role held for one organisation; {@code organisation} is {@code *} for every organisation (admins).
 *
 * @param role         the role
 * @param organisation the organisation it is held for
 */
public record RoleGrant(Role role, String organisation) {

    public static final String ALL = "*";

    public boolean covers(String organisationId) {
        return ALL.equals(organisation) || organisation.equals(organisationId);
    }
}
