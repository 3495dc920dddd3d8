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

    /**
     * Throws {@link AccessDenied} unless the current user may record data of the organisation, which needs
     * {@code role}: as {@link #require} once it is registered; before that, {@code role} (or ADMIN) for it
     * or for the whole kabupaten {@code kabupatenId} its data names (may be {@code null}), so that a planner
     * of the kabupaten (Bappeda) registers a new OPD of it by its first import.
     */
    default void requireToRecord(String organisationId, String kabupatenId, String role) {
        require(organisationId, role);
    }

    /**
     * Runs {@code work}, which registers the new organisation as one of {@code kabupatenId}, with the
     * organisation counted as one of that kabupaten for the current user's grants before its registration
     * is committed, so that every event of it names the role that allowed it.
     */
    default void whileRegistering(String organisationId, String kabupatenId, Runnable work) {
        work.run();
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
