package id.sakip.ledger.access.api;

/**
 * A role held for one organisation, for every organisation of one kabupaten ({@code kab:} and the
 * kabupaten id, e.g. {@code kab:blora}), or for every organisation ({@code *}, admins).
 *
 * @param role         the role
 * @param organisation the organisation id, {@code kab:<kabupaten id>} or {@code *}
 */
public record RoleGrant(Role role, String organisation) {

    public static final String ALL = "*";
    /** Marks a grant for a kabupaten; organisation ids never hold a colon, so the two cannot be confused. */
    public static final String KABUPATEN_PREFIX = "kab:";

    /** A grant of {@code role} for every organisation of the kabupaten {@code kabupatenId}. */
    public static RoleGrant forKabupaten(Role role, String kabupatenId) {
        return new RoleGrant(role, KABUPATEN_PREFIX + kabupatenId);
    }

    /** The kabupaten id of a kabupaten grant, {@code null} for an organisation or {@code *} grant. */
    public String kabupaten() {
        return organisation != null && organisation.startsWith(KABUPATEN_PREFIX)
                ? organisation.substring(KABUPATEN_PREFIX.length()) : null;
    }

    public boolean covers(String organisationId) {
        return ALL.equals(organisation) || organisation.equals(organisationId);
    }

    /** Whether the grant covers an organisation that belongs to {@code kabupatenId} (may be {@code null}). */
    public boolean covers(String organisationId, String kabupatenId) {
        return covers(organisationId) || kabupatenId != null && kabupatenId.equals(kabupaten());
    }
}
