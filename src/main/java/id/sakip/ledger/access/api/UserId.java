package id.sakip.ledger.access.api;

/** The identifier of a user account as an aggregate. */
public final class UserId {

    private UserId() {
    }

    public static String of(String username) {
        return "user:" + username;
    }
}
