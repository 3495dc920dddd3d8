package id.sakip.ledger.performance.api;

/** The identifier of one organisation's Renstra as an aggregate. */
public final class PlanId {

    private PlanId() {
    }

    public static String of(String organisationId, String planId) {
        return "plan:" + organisationId + ":" + planId;
    }
}
