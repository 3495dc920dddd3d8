package id.sakip.ledger.access.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import id.sakip.ledger.access.query.UserDirectory;
import id.sakip.ledger.access.query.UserDirectory.UserView;

/**
 * Re-reads the signed-in user of a page session from {@link UserDirectory} on every request, so a
 * change of roles applies to that user's next request in every open session, and a disabled or
 * removed account, or a changed password, ends the session before the request is authorised.
 */
class CurrentAccountFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(CurrentAccountFilter.class);

    private final UserDirectory users;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    CurrentAccountFilter(UserDirectory users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof UsernamePasswordAuthenticationToken
                && authentication.getPrincipal() instanceof LedgerUser signedIn) {
            UserView current = users.find(signedIn.getUsername());
            if (current == null || !current.enabled() || !current.passwordHash().equals(signedIn.getPassword())) {
                LOG.info("Session of user '{}' ended: the account was disabled or its password changed",
                        signedIn.getUsername());
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
            } else if (!current.roles().equals(signedIn.grants())) {
                LedgerUser updated = new LedgerUser(current.username(), current.passwordHash(), current.roles(), true);
                UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(updated,
                        null, updated.getAuthorities());
                token.setDetails(authentication.getDetails());
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(token);
                SecurityContextHolder.setContext(context);
                sessions.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }
}
