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

/** The signed-in user and the roles they hold per organisation. */
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
        return grants.stream().anyMatch(g -> g.role() == role && g.covers(organisationId));
    }

    public boolean isAdmin() {
        return grants.stream().anyMatch(g -> g.role() == Role.ADMIN);
    }

    public boolean mayRead(String organisationId) {
        return isAdmin() || grants.stream().anyMatch(g -> g.covers(organisationId));
    }

    /** The roles held for an organisation, e.g. {@code PLANNER} or {@code PLANNER+TREASURER}. */
    public String rolesFor(String organisationId) {
        Set<String> roles = new LinkedHashSet<>();
        grants.stream().filter(g -> organisationId == null || g.covers(organisationId))
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
