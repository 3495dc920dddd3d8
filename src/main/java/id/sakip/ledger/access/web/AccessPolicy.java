package id.sakip.ledger.access.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

import id.sakip.ledger.access.api.Role;
import id.sakip.ledger.eventstore.metadata.Actor;
import id.sakip.ledger.eventstore.metadata.ActorResolver;
import id.sakip.ledger.eventstore.metadata.LedgerMetadata;
import id.sakip.ledger.organisation.api.KabupatenId;
import id.sakip.ledger.organisation.query.KabupatenMembership;
import id.sakip.ledger.shared.AccessDenied;
import id.sakip.ledger.shared.OrganisationAccess;

/**
 * Who may do what on an organisation's data. Reading needs any role on the organisation (an
 * auditor reads everything and writes nothing); recording and reversing realisations needs
 * TREASURER; budgets, plans, targets, grading scales, the signer of reports and imports need PLANNER; ADMIN may do
 * everything. A role held for a kabupaten ({@code kab:blora}) is that role on every organisation the
 * kabupaten's {@link KabupatenMembership} names, nothing outside it, and a planner's for a new
 * organisation whose first data names the kabupaten. The actor of every command comes from here, never
 * from the request.
 */
@Component
public class AccessPolicy implements AuthorizationManager<RequestAuthorizationContext>, OrganisationAccess,
        ActorResolver {

    private static final Pattern REALISATIONS = Pattern.compile(".*/budgets/[^/]+/realisations(/.*)?");
    private static final Pattern PLANNING = Pattern.compile(".*/(budgets|plans|indicators|grading-scales|signatory)(/.*)?");

    private final KabupatenMembership membership;
    /** The organisation this thread is registering, and its kabupaten, while its registration is uncommitted. */
    private final ThreadLocal<Registering> registering = new ThreadLocal<>();

    private record Registering(String organisationId, String kabupatenId) {
    }

    public AccessPolicy(KabupatenMembership membership) {
        this.membership = membership;
    }

    /** The kabupaten id of an organisation, for kabupaten grants; {@code null} when none applies. */
    private String kabupatenOf(LedgerUser user, String organisationId) {
        if (user.grants().stream().noneMatch(g -> g.kabupaten() != null)) {
            return null;
        }
        KabupatenId kabupaten = membership.kabupatenOf(organisationId);
        if (kabupaten != null) {
            return kabupaten.value();
        }
        Registering pending = registering.get();
        return pending != null && pending.organisationId().equals(organisationId) ? pending.kabupatenId() : null;
    }

    /** The current user as a {@link LedgerUser}, whether signed in with a password or a token. */
    static LedgerUser current(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return null;
        }
        if (authentication.getPrincipal() instanceof LedgerUser user) {
            return user;
        }
        if (authentication instanceof JwtAuthenticationToken jwt && jwt.getDetails() instanceof LedgerUser user) {
            return user;
        }
        return null;
    }

    static LedgerUser current() {
        return current(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The role a request needs on the organisation in its path, or {@code null} for a read. */
    static Role required(String method, String path) {
        if ("GET".equals(method) || "HEAD".equals(method)) {
            return null;
        }
        if (REALISATIONS.matcher(path).matches()) {
            return Role.TREASURER;
        }
        if (PLANNING.matcher(path).matches()) {
            return Role.PLANNER;
        }
        return Role.ADMIN;
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        LedgerUser user = current(authentication.get());
        String org = context.getVariables().get("org");
        if (user == null || org == null) {
            return new AuthorizationDecision(false);
        }
        if (user.isAdmin()) {
            return new AuthorizationDecision(true);
        }
        Role role = required(context.getRequest().getMethod(), context.getRequest().getRequestURI());
        String kabupaten = kabupatenOf(user, org);
        return new AuthorizationDecision(role == null ? user.mayRead(org, kabupaten)
                : user.has(role, org, kabupaten));
    }

    @Override
    public void require(String organisationId, String role) {
        LedgerUser user = current();
        if (user == null || !(user.isAdmin() || user.has(Role.valueOf(role), organisationId,
                kabupatenOf(user, organisationId)))) {
            throw new AccessDenied("You need the " + role + " role for " + organisationId,
                    Map.of("organisationId", organisationId, "role", role));
        }
    }

    @Override
    public void requireToRecord(String organisationId, String kabupatenId, String role) {
        LedgerUser user = current();
        if (user != null && user.isAdmin()) {
            return;
        }
        Role needed = Role.valueOf(role);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("organisationId", organisationId);
        details.put("role", role);
        if (membership.registeredBy(organisationId, null)) {
            KabupatenId registered = membership.kabupatenOf(organisationId);
            String kabupaten = registered == null ? null : registered.value();
            if (user == null || !user.has(needed, organisationId, kabupaten)) {
                if (kabupaten != null) {
                    details.put("kabupatenId", kabupaten);
                }
                throw new AccessDenied(organisationId + " sudah terdaftar" + (kabupaten == null ? ""
                        : " di kabupaten " + kabupaten) + "; hanya " + role + " organisasi itu" + (kabupaten == null
                        ? "" : " atau kabupatennya (kab:" + kabupaten + ")") + " yang dapat mencatat datanya",
                        details);
            }
        } else if (user == null || !user.has(needed, organisationId, kabupatenId)) {
            if (kabupatenId != null) {
                details.put("kabupatenId", kabupatenId);
            }
            throw new AccessDenied("Organisasi baru " + organisationId + (kabupatenId == null
                    ? " tidak menyebut kabupatennya; hanya ADMIN atau " + role + " organisasi itu"
                    : " termasuk kabupaten " + kabupatenId + "; hanya ADMIN, " + role + " organisasi itu, atau "
                    + role + " kabupaten itu (kab:" + kabupatenId + ")") + " yang dapat mendaftarkannya", details);
        }
    }

    @Override
    public void whileRegistering(String organisationId, String kabupatenId, Runnable work) {
        registering.set(new Registering(organisationId, kabupatenId));
        try {
            work.run();
        } finally {
            registering.remove();
        }
    }

    @Override
    public boolean mayRead(String organisationId) {
        LedgerUser user = current();
        return user != null && user.mayRead(organisationId, kabupatenOf(user, organisationId));
    }

    @Override
    public boolean mayReadKabupaten(String kabupatenId) {
        LedgerUser user = current();
        return user != null && user.mayReadKabupaten(kabupatenId);
    }

    @Override
    public Actor current(String organisationId) {
        LedgerUser user = current();
        if (user == null) {
            return new Actor(LedgerMetadata.SYSTEM_ACTOR, LedgerMetadata.SYSTEM_ROLE);
        }
        String kabupaten = kabupatenOf(user, organisationId);
        return new Actor(user.getUsername(), user.isAdmin() && !user.grants().stream()
                .anyMatch(g -> g.role() != Role.ADMIN && g.covers(organisationId, kabupaten)) ? "ADMIN"
                : user.rolesFor(organisationId, kabupaten));
    }
}
