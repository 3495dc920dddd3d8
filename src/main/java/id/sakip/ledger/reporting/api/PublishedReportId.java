package id.sakip.ledger.reporting.api;

/** The identifier of one organisation's published LKjIP for one year. */
public final class PublishedReportId {

    private PublishedReportId() {
    }

    public static String of(String organisationId, int year) {
        return "lkjip:" + organisationId + ":" + year;
    }
}
