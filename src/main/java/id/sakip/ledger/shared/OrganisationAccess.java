package id.sakip.ledger.shared;

/** Checks, for the current user, what they may do on an organisation. */
public interface OrganisationAccess {

    /** Throws {@link AccessDenied} unless the current user holds {@code role} (or ADMIN) for the organisation. */
    void require(String organisationId, String role);

    /** Whether the current user holds {@code role} (or ADMIN) for the organisation: what a page may offer. */
    default boolean holds(String organisationId, String role) {
        try {
            require(organisationId, role);
            return true;
        } catch (AccessDenied denied) {
            return false;
        }
    }

    /** Whether the current user may read the organisation's data. */
    boolean mayRead(String organisationId);

    /**
     * Whether the current user may read a whole kabupaten (its summary of every organisation): an
     * admin, a grant for every organisation, or a grant for that kabupaten; a grant on one
     * organisation is not enough.
     */
    default boolean mayReadKabupaten(String kabupatenId) {
        return false;
    }

    /** Throws {@link AccessDenied} unless the current user may read the organisation's data. */
    default void requireRead(String organisationId) {
        if (!mayRead(organisationId)) {
            throw new AccessDenied("Anda tidak memiliki akses ke " + organisationId,
                    java.util.Map.of("organisationId", organisationId));
        }
    }
}
