package id.sakip.ledger.shared.web;

/** A request body above its endpoint's size limit. */
public class RequestTooLarge extends RuntimeException {

    private final long limit;

    public RequestTooLarge(long limit) {
        super("The request body is larger than " + limit + " bytes", null, false, false);
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
