package id.sakip.ledger.eventstore.metadata;

/**
 * Names of the metadata every ledger event carries: who acted in which role, for which
 * organisation, in which correlated request, and the client's idempotency key when given.
 */
public final class LedgerMetadata {

    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String ORGANISATION_ID = "organisationId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** Fingerprint of the request an idempotency key was sent with. */
    public static final String REQUEST_FINGERPRINT = "requestFingerprint";
    public static final String SYSTEM_ACTOR = "system";
    public static final String SYSTEM_ROLE = "SYSTEM";

    private LedgerMetadata() {
    }
}
