package id.sakip.ledger.access.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import id.sakip.ledger.access.api.PasswordChanged;
import id.sakip.ledger.access.api.RoleGrant;
import id.sakip.ledger.access.api.UserCreated;
import id.sakip.ledger.access.api.UserDisabled;
import id.sakip.ledger.access.api.UserId;
import id.sakip.ledger.access.api.UserRolesChanged;
import id.sakip.ledger.eventstore.projection.AggregateHistory;

/**
 * The user accounts as sign-in needs them, folded from each account's own events (never a read
 * model that may lag). Accounts are cached briefly; this instance's cache entry is dropped as soon
 * as a user event is published (subscribing handler), other instances' within the cache lifetime.
 */
@Component
@ProcessingGroup(UserDirectory.PROCESSOR)
public class UserDirectory {

    public static final String PROCESSOR = "user-cache";
    private static final Duration LIFETIME = Duration.ofSeconds(30);

    /** A user account. */
    public record UserView(String username, String passwordHash, List<RoleGrant> roles, boolean enabled,
                           long version) {
    }

    private record Cached(UserView user, long loadedAt) {
    }

    private final AggregateHistory history;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public UserDirectory(AggregateHistory history) {
        this.history = history;
    }

    /** The account, or {@code null} when there is none. */
    public UserView find(String username) {
        Cached cached = cache.get(username);
        long now = System.nanoTime();
        if (cached != null && now - cached.loadedAt() < LIFETIME.toNanos()) {
            return cached.user();
        }
        UserView user = fold(username);
        if (user != null) {
            cache.put(username, new Cached(user, now));
        }
        return user;
    }

    private UserView fold(String username) {
        Object[] state = {null, null, Boolean.TRUE};
        long[] version = {-1};
        history.forEach(UserId.of(username), null, m -> {
            Object p = m.getPayload();
            version[0] = m.getSequenceNumber();
            if (p instanceof UserCreated c) {
                state[0] = c.passwordHash();
                state[1] = c.roles();
            } else if (p instanceof UserRolesChanged c) {
                state[1] = c.roles();
            } else if (p instanceof PasswordChanged c) {
                state[0] = c.passwordHash();
            } else if (p instanceof UserDisabled) {
                state[2] = Boolean.FALSE;
            }
        });
        if (state[0] == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<RoleGrant> roles = new ArrayList<>((List<RoleGrant>) state[1]);
        return new UserView(username, (String) state[0], roles, (Boolean) state[2], version[0]);
    }

    public boolean exists(String username) {
        return history.exists(UserId.of(username));
    }

    @EventHandler
    void on(UserCreated e) {
        cache.remove(e.username());
    }

    @EventHandler
    void on(UserRolesChanged e) {
        cache.remove(e.username());
    }

    @EventHandler
    void on(UserDisabled e) {
        cache.remove(e.username());
    }

    @EventHandler
    void on(PasswordChanged e) {
        cache.remove(e.username());
    }
}
