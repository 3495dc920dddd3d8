package id.sakip.ledger.access.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Counts failed sign-ins per username and per client address and, past a number of free failures,
 * locks the name or address out for a delay that doubles with each further failure (up to a cap).
 * Both counts are bounded in memory and forgotten some time after the last failure; a successful
 * sign-in clears the username's count, never the address's.
 */
@Component
public class LoginThrottle {

    private static final int MAX_KEYS = 10_000;
    private static final Duration FORGET_AFTER = Duration.ofMinutes(30);

    /** The failures counted for one key, and until when that key is locked out. */
    private record Failures(int count, Instant lockedUntil) {
    }

    private final Clock clock;
    private final int freeUserFailures;
    private final int freeAddressFailures;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Cache<String, Failures> users = bounded();
    private final Cache<String, Failures> addresses = bounded();

    public LoginThrottle(Clock clock,
                         @Value("${ledger.security.login.free-failures-per-user:5}") int freeUserFailures,
                         @Value("${ledger.security.login.free-failures-per-address:100}") int freeAddressFailures,
                         @Value("${ledger.security.login.first-delay:1s}") Duration firstDelay,
                         @Value("${ledger.security.login.max-delay:15m}") Duration maxDelay) {
        this.clock = clock;
        this.freeUserFailures = freeUserFailures;
        this.freeAddressFailures = freeAddressFailures;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
    }

    private static Cache<String, Failures> bounded() {
        return Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterWrite(FORGET_AFTER).build();
    }

    /** How long a sign-in as this user from this address must still wait; zero when it may be tried now. */
    public Duration retryAfter(String username, String address) {
        Instant now = clock.instant();
        Duration user = remaining(users.getIfPresent(key(username)), now);
        Duration fromAddress = remaining(addresses.getIfPresent(key(address)), now);
        return user.compareTo(fromAddress) >= 0 ? user : fromAddress;
    }

    /**
     * Counts a failed sign-in.
     *
     * @return the lockout this failure started, or zero when the user and address are still free to try
     */
    public Duration failed(String username, String address) {
        Instant now = clock.instant();
        Failures user = users.asMap().compute(key(username), (k, f) -> next(f, freeUserFailures, now));
        Failures fromAddress = addresses.asMap().compute(key(address), (k, f) -> next(f, freeAddressFailures, now));
        Duration a = remaining(user, now);
        Duration b = remaining(fromAddress, now);
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Forgets the username's failures after it signed in with the right password. */
    public void succeeded(String username) {
        users.invalidate(key(username));
    }

    /** The failures counted so far for a username. */
    public int failures(String username) {
        Failures f = users.getIfPresent(key(username));
        return f == null ? 0 : f.count();
    }

    private Failures next(Failures previous, int free, Instant now) {
        int count = previous == null ? 1 : previous.count() + 1;
        if (count <= free) {
            return new Failures(count, null);
        }
        int doublings = Math.min(count - free - 1, 30);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return new Failures(count, now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay));
    }

    private static Duration remaining(Failures failures, Instant now) {
        if (failures == null || failures.lockedUntil() == null || !failures.lockedUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, failures.lockedUntil());
    }

    private static String key(String value) {
        if (value == null) {
            return "";
        }
        return value.length() > 100 ? value.substring(0, 100) : value;
    }
}
