package id.sakip.ledger.shared.web;

import java.util.UUID;
import java.util.regex.Pattern;

import id.sakip.ledger.shared.InvalidValue;

/** Identifiers as the API accepts them: letters, digits, {@code . _ -}, at most 100 characters. */
public final class LedgerIds {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private LedgerIds() {
    }

    public static String require(String id, String what) {
        if (id == null || !SAFE.matcher(id).matches() || id.contains("..")) {
            throw new InvalidValue("INVALID_ID", "The " + what + " id is not valid: use letters, digits, '.', '_' "
                    + "or '-' (at most 100)");
        }
        return id;
    }

    /** A new identifier for something a request creates. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
