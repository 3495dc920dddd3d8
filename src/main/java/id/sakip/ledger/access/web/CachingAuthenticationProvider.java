package id.sakip.ledger.access.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import io.micrometer.core.instrument.MeterRegistry;

import id.sakip.ledger.access.query.UserDirectory;
import id.sakip.ledger.access.query.UserDirectory.UserView;

/**
 * Checks a username and password against the account's BCrypt hash. A successful check is remembered
 * (by a salted SHA-256 of the credentials, never the password) for the account's current version, so
 * an API client sending Basic credentials on every request pays for BCrypt once, and a role change,
 * password change or disabling takes effect on the next request.
 *
 * <p>Failed sign-ins are throttled per user and per client address ({@link LoginThrottle}), logged
 * without the password and counted in {@code ledger.login.failures{reason}}; at most a few BCrypt
 * checks run at once, so unauthenticated requests cannot take every core. A disabled account, an
 * unknown user and a wrong password get the same answer after the same BCrypt work.
 */
public class CachingAuthenticationProvider implements AuthenticationProvider {

    private static final Logger LOG = LoggerFactory.getLogger(CachingAuthenticationProvider.class);
    private static final int MAX_ENTRIES = 10_000;
    private static final String DUMMY_HASH = "$2a$10$7EqJtq98hPqEX7fNZaFWoOa9n3Sxk3dZpM.b8LKl8SzGIwQ1jX1bC";
    private static final String WRONG = "Wrong username or password";

    private final UserDirectory users;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final MeterRegistry meters;
    private final Semaphore checks;
    private final Duration checkWait;
    private final byte[] salt = java.util.UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
    private final Map<String, Long> verified = new ConcurrentHashMap<>();

    public CachingAuthenticationProvider(UserDirectory users, PasswordEncoder encoder, LoginThrottle throttle,
                                         MeterRegistry meters, int concurrentChecks, Duration checkWait) {
        this.users = users;
        this.encoder = encoder;
        this.throttle = throttle;
        this.meters = meters;
        this.checks = new Semaphore(Math.max(1, concurrentChecks), true);
        this.checkWait = checkWait;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web
                ? web.getRemoteAddress() : null;
        Duration wait = throttle.retryAfter(username, address);
        if (!wait.isZero()) {
            meters.counter("ledger.login.failures", "reason", "throttled").increment();
            throw new SignInThrottled(wait);
        }
        UserView user = username == null || username.length() > 50 ? null : users.find(username);
        String key = user == null ? null : digest(username, password);
        Long version = key == null ? null : verified.get(key);
        boolean proven = user != null && user.enabled() && version != null && version == user.version();
        if (!proven && !check(password, user)) {
            failed(username, address, user == null ? "unknown_user" : user.enabled() ? "bad_password" : "disabled");
            throw new BadCredentialsException(WRONG);
        }
        if (!proven) {
            if (verified.size() > MAX_ENTRIES) {
                verified.clear();
            }
            verified.put(key, user.version());
            throttle.succeeded(username);
        }
        LedgerUser principal = new LedgerUser(user.username(), user.passwordHash(), user.roles(), true);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    /** One bounded BCrypt check: true only for an enabled account's right password. */
    private boolean check(String password, UserView user) {
        try {
            if (!checks.tryAcquire(checkWait.toMillis(), TimeUnit.MILLISECONDS)) {
                meters.counter("ledger.login.failures", "reason", "busy").increment();
                throw new SignInBusy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInBusy();
        }
        try {
            boolean matches = encoder.matches(password, user == null ? DUMMY_HASH : user.passwordHash());
            return matches && user != null && user.enabled();
        } finally {
            checks.release();
        }
    }

    private void failed(String username, String address, String reason) {
        meters.counter("ledger.login.failures", "reason", reason).increment();
        Duration locked = throttle.failed(username, address);
        String name = printable(username);
        if (locked.isZero()) {
            LOG.warn("Sign-in failed for user '{}' from {} ({}), failure {} in a row", name, address, reason,
                    throttle.failures(username));
        } else {
            LOG.warn("Sign-in failed for user '{}' from {} ({}), failure {} in a row: sign-ins refused for {} s",
                    name, address, reason, throttle.failures(username), locked.toSeconds());
        }
    }

    /** A username fit for a log line: at most 50 characters, no control characters. */
    private static String printable(String username) {
        if (username == null) {
            return "";
        }
        String cut = username.length() > 50 ? username.substring(0, 50) + "…" : username;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    private String digest(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
