package id.sakip.ledger.performance.api;

/** The identifiers of the grading-scale aggregates: one per kabupaten and one per organisation. */
public final class GradingScalesId {

    private GradingScalesId() {
    }

    public static String ofKabupaten(String kabupatenId) {
        return "grading-scales:kabupaten:" + kabupatenId;
    }

    public static String ofOrganisation(String organisationId) {
        return "grading-scales:organisation:" + organisationId;
    }
}
