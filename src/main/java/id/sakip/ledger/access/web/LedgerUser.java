package id.sakip.ledger.access.web;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import id.sakip.ledger.access.api.Role;
import id.sakip.ledger.access.api.RoleGrant;

/**
 * The signed-in user and the roles they hold per organisation or kabupaten. A kabupaten grant holds
 * its role for every organisation of that kabupaten; the caller names the organisation's kabupaten.
 */
public final class LedgerUser implements UserDetails {

    private final String username;
    private final String passwordHash;
    private final List<RoleGrant> grants;
    private final boolean enabled;

    public LedgerUser(String username, String passwordHash, List<RoleGrant> grants, boolean enabled) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.grants = List.copyOf(grants);
        this.enabled = enabled;
    }

    public List<RoleGrant> grants() {
        return grants;
    }

    public boolean has(Role role, String organisationId) {
        return has(role, organisationId, null);
    }

    /** Whether the user holds {@code role} for the organisation, which belongs to {@code kabupatenId}. */
    public boolean has(Role role, String organisationId, String kabupatenId) {
        return grants.stream().anyMatch(g -> g.role() == role && g.covers(organisationId, kabupatenId));
    }

    public boolean isAdmin() {
        return grants.stream().anyMatch(g -> g.role() == Role.ADMIN);
    }

    public boolean mayRead(String organisationId) {
        return mayRead(organisationId, null);
    }

    /** Whether the user may read the organisation, which belongs to {@code kabupatenId}. */
    public boolean mayRead(String organisationId, String kabupatenId) {
        return isAdmin() || grants.stream().anyMatch(g -> g.covers(organisationId, kabupatenId));
    }

    /**
     * Whether the user may read a whole kabupaten (its list entry and summary): an admin, a {@code *}
     * grant, or any grant for that kabupaten. A grant on one organisation does not suffice.
     */
    public boolean mayReadKabupaten(String kabupatenId) {
        return isAdmin() || grants.stream().anyMatch(g -> RoleGrant.ALL.equals(g.organisation())
                || kabupatenId.equals(g.kabupaten()));
    }

    /** The roles held for an organisation, e.g. {@code PLANNER} or {@code PLANNER+TREASURER}. */
    public String rolesFor(String organisationId) {
        return rolesFor(organisationId, null);
    }

    /** The roles held for an organisation of {@code kabupatenId}, kabupaten grants included. */
    public String rolesFor(String organisationId, String kabupatenId) {
        Set<String> roles = new LinkedHashSet<>();
        grants.stream().filter(g -> organisationId == null || g.covers(organisationId, kabupatenId))
                .forEach(g -> roles.add(g.role().name()));
        return roles.isEmpty() ? "NONE" : String.join("+", roles);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        grants.forEach(g -> authorities.add(new SimpleGrantedAuthority("ROLE_" + g.role().name())));
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
