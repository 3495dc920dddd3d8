package id.sakip.ledger.access.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import id.sakip.ledger.shared.SettableClock;

/** Specification of the sign-in throttle: free failures, then a delay doubling up to a cap, per user and address. */
class LoginThrottleTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T03:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock, 3, 10, Duration.ofSeconds(1),
            Duration.ofSeconds(60));

    @Test
    void aUserMayFailTheFreeNumberOfTimesAndIsThenLockedOutForADelayThatDoublesUpToTheCap() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.failed("admin", "10.0.0.1")).isZero();
        }
        assertThat(throttle.retryAfter("admin", "10.0.0.9")).isZero();
        assertThat(throttle.failed("admin", "10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.retryAfter("admin", "10.0.0.9")).as("from any address").isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.failed("admin", "10.0.0.1")).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.failed("admin", "10.0.0.1")).isEqualTo(Duration.ofSeconds(4));
        for (int i = 0; i < 10; i++) {
            throttle.failed("admin", "10.0.0.2");
        }
        assertThat(throttle.retryAfter("admin", "10.0.0.9")).isEqualTo(Duration.ofSeconds(60));
        clock.advanceSeconds(60);
        assertThat(throttle.retryAfter("admin", "10.0.0.9")).isZero();
    }

    @Test
    void anAddressTryingManyNamesIsLockedOutForEveryName() {
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.failed("user-" + i, "203.0.113.7")).isZero();
        }
        assertThat(throttle.failed("user-10", "203.0.113.7")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.retryAfter("someone-else", "203.0.113.7")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.retryAfter("someone-else", "198.51.100.1")).as("other addresses").isZero();
    }

    @Test
    void aSuccessForgetsTheUsersFailuresButNotTheAddresss() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("siti", "203.0.113.8");
        }
        for (int i = 0; i < 7; i++) {
            throttle.failed("other-" + i, "203.0.113.8");
        }
        throttle.succeeded("siti");
        assertThat(throttle.failures("siti")).isZero();
        assertThat(throttle.failed("siti", "203.0.113.8")).as("the address's eleventh failure")
                .isEqualTo(Duration.ofSeconds(1));
    }
}
