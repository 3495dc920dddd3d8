package id.sakip.ledger.access.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

import id.sakip.ledger.access.query.UserDirectory;
import id.sakip.ledger.access.query.UserDirectory.UserView;

/**
 * Checks a username and password against the account's BCrypt hash. A successful check is remembered
 * (by a salted SHA-256 of the credentials, never the password) for the account's current version, so
 * an API client sending Basic credentials on every request pays for BCrypt once, and a role change,
 * password change or disabling takes effect on the next request.
 */
public class CachingAuthenticationProvider implements AuthenticationProvider {

    private static final int MAX_ENTRIES = 10_000;

    private final UserDirectory users;
    private final PasswordEncoder encoder;
    private final byte[] salt = java.util.UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
    private final Map<String, Long> verified = new ConcurrentHashMap<>();

    public CachingAuthenticationProvider(UserDirectory users, PasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        UserView user = username == null || username.length() > 50 ? null : users.find(username);
        if (user == null) {
            encoder.matches(password, "$2a$10$7EqJtq98hPqEX7fNZaFWoOa9n3Sxk3dZpM.b8LKl8SzGIwQ1jX1bC");
            throw new BadCredentialsException("Wrong username or password");
        }
        if (!user.enabled()) {
            throw new DisabledException("This account is disabled");
        }
        String key = digest(username, password);
        Long version = verified.get(key);
        if (version == null || version != user.version()) {
            if (!encoder.matches(password, user.passwordHash())) {
                throw new BadCredentialsException("Wrong username or password");
            }
            if (verified.size() > MAX_ENTRIES) {
                verified.clear();
            }
            verified.put(key, user.version());
        }
        LedgerUser principal = new LedgerUser(user.username(), user.passwordHash(), user.roles(), true);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
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
