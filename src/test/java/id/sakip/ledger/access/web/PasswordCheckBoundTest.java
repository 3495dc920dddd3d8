package id.sakip.ledger.access.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import id.sakip.ledger.access.query.UserDirectory;
import id.sakip.ledger.shared.SettableClock;

/** At most the configured number of BCrypt checks run at once; a sign-in that cannot get one soon is refused. */
class PasswordCheckBoundTest {

    @Test
    void aSignInWaitingTooLongForAPasswordCheckIsRefusedAsBusyAndCounted() throws Exception {
        CountDownLatch checking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PasswordEncoder slow = Mockito.mock(PasswordEncoder.class);
        Mockito.when(slow.matches(Mockito.any(), Mockito.any())).thenAnswer(call -> {
            checking.countDown();
            assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            return false;
        });
        UserDirectory users = Mockito.mock(UserDirectory.class);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        LoginThrottle throttle = new LoginThrottle(new SettableClock(Instant.now()), 100, 100, Duration.ofSeconds(1),
                Duration.ofMinutes(1));
        CachingAuthenticationProvider provider = new CachingAuthenticationProvider(users, slow, throttle, meters, 1,
                Duration.ofMillis(50));

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> provider.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("nobody", "guess-1")));
        assertThat(checking.await(10, TimeUnit.SECONDS)).as("the first check is running").isTrue();
        assertThatThrownBy(() -> provider.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("nobody-else", "guess-2")))
                .isInstanceOf(SignInBusy.class);
        assertThat(meters.counter("ledger.login.failures", "reason", "busy").count()).isEqualTo(1);
        release.countDown();
        assertThatThrownBy(first::join).hasCauseInstanceOf(BadCredentialsException.class);
    }
}
