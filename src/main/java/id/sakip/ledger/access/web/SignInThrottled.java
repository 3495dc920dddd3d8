package id.sakip.ledger.access.web;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** A sign-in refused without checking the password, because its user or address failed too often lately. */
public class SignInThrottled extends AuthenticationException {

    private final long retryAfterSeconds;

    public SignInThrottled(Duration retryAfter) {
        super("Too many failed sign-ins; try again in " + seconds(retryAfter) + " s");
        this.retryAfterSeconds = seconds(retryAfter);
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }

    /** Whole seconds to wait, at least one, for a {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
