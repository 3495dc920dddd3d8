package id.sakip.ledger.access.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import io.micrometer.core.instrument.MeterRegistry;

import id.sakip.ledger.access.api.Role;
import id.sakip.ledger.access.api.RoleGrant;
import id.sakip.ledger.access.query.UserDirectory;

/**
 * Authentication and authorisation. The API ({@code /api/**}) is stateless with HTTP Basic (or, when
 * {@code ledger.security.oidc.issuer-uri} is set, bearer tokens from that OIDC provider); the pages
 * use form login with a session and CSRF protection. Actuator exposes only health and info openly;
 * Prometheus needs an ADMIN. Security headers (CSP, frame denial, no-sniff, referrer policy) on all.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    @Bean
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(10);
    }

    @Bean
    public CachingAuthenticationProvider ledgerAuthenticationProvider(UserDirectory users, PasswordEncoder encoder,
            LoginThrottle throttle, MeterRegistry meters,
            @Value("${ledger.security.login.concurrent-password-checks:1}") int concurrentChecks,
            @Value("${ledger.security.login.password-check-wait:2s}") Duration checkWait) {
        return new CachingAuthenticationProvider(users, encoder, throttle, meters, concurrentChecks, checkWait);
    }

    /**
     * No observation of security filters, authentications or authorisations. Switching their observations off
     * by name still wrapped every filter of every request in an observation decorator (ops/bench/README.md);
     * {@code http.server.requests} still times each request.
     */
    @Bean
    public SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    public RequestRejectedHandler requestRejectedHandler() {
        return ProblemResponses.rejected();
    }

    private static void headers(HttpSecurity http) throws Exception {
        http.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                .frameOptions(f -> f.deny())
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    }

    @Bean
    @Order(1)
    public SecurityFilterChain api(HttpSecurity http, CachingAuthenticationProvider provider, AccessPolicy policy,
                                   @Value("${ledger.security.oidc.issuer-uri:}") String issuer,
                                   @Value("${ledger.security.oidc.roles-claim:ledger_roles}") String rolesClaim)
            throws Exception {
        http.securityMatcher("/api/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .authenticationManager(new ProviderManager(provider))
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses.unauthenticated())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/users/**", "/api/v1/users", "/api/v1/admin/**").hasRole("ADMIN")
                        .requestMatchers("/api/v1/audit/**").hasAnyRole("AUDITOR", "ADMIN")
                        .requestMatchers("/api/v1/imports/**").hasAnyRole("PLANNER", "ADMIN")
                        .requestMatchers("/api/v1/organisations").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/v1/kabupaten", "/api/v1/kabupaten/**").authenticated()
                        .requestMatchers("/api/v1/organisations/{org}/**").access(policy)
                        .requestMatchers("/api/v1/kabupaten/{kab}/grading-scales/*").access((auth, context) ->
                                new AuthorizationDecision(kabupatenPlanner(AccessPolicy.current(auth.get()),
                                        context.getVariables().get("kab"))))
                        .anyRequest().denyAll());
        if (issuer == null || issuer.isBlank()) {
            http.httpBasic(b -> b.authenticationEntryPoint(ProblemResponses.unauthenticated()));
        } else {
            http.oauth2ResourceServer(o -> o.authenticationEntryPoint(ProblemResponses.unauthenticated())
                    .jwt(j -> j.decoder(JwtDecoders.fromIssuerLocation(issuer))
                            .jwtAuthenticationConverter(oidcRoles(rolesClaim))));
        }
        headers(http);
        return http.build();
    }

    /**
     * Maps an OIDC token to a ledger user: its {@code preferred_username} (or subject), and its roles
     * from a claim holding entries {@code ROLE:organisation}, e.g. {@code TREASURER:kec-jiken} or
     * {@code ADMIN:*}.
     */
    public static Converter<Jwt, AbstractAuthenticationToken> oidcRoles(String claim) {
        return jwt -> {
            List<RoleGrant> grants = new ArrayList<>();
            List<String> entries = jwt.getClaimAsStringList(claim);
            for (String entry : entries == null ? List.<String>of() : entries) {
                int colon = entry.indexOf(':');
                if (colon > 0) {
                    try {
                        grants.add(new RoleGrant(Role.valueOf(entry.substring(0, colon)), entry.substring(colon + 1)));
                    } catch (IllegalArgumentException ignored) {
                        // an unknown role grants nothing
                    }
                }
            }
            String name = jwt.getClaimAsString("preferred_username");
            LedgerUser user = new LedgerUser(name == null ? jwt.getSubject() : name, "", grants, true);
            JwtAuthenticationToken token = new JwtAuthenticationToken(jwt, user.getAuthorities(), user.getUsername());
            token.setDetails(user);
            return token;
        };
    }

    @Bean
    @Order(2)
    public SecurityFilterChain actuator(HttpSecurity http, CachingAuthenticationProvider provider) throws Exception {
        http.securityMatcher("/actuator/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .authenticationManager(new ProviderManager(provider))
                .httpBasic(b -> b.authenticationEntryPoint(ProblemResponses.unauthenticated()))
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses.unauthenticated())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/prometheus").hasRole("ADMIN")
                        .anyRequest().denyAll());
        headers(http);
        return http.build();
    }

    @Bean
    @Order(3)
    public SecurityFilterChain pages(HttpSecurity http, CachingAuthenticationProvider provider, UserDirectory users)
            throws Exception {
        http.authenticationManager(new ProviderManager(provider))
                .addFilterBefore(new CurrentAccountFilter(users), AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/error",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/impor", "/impor/**").hasAnyRole("PLANNER", "ADMIN")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").permitAll().defaultSuccessUrl("/", false)
                        .failureHandler(LoginPages.failure()))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?keluar"))
                .exceptionHandling(e -> e.accessDeniedHandler(new CsrfRefusals()));
        headers(http);
        return http.build();
    }

    /** A kabupaten's scales are set by an ADMIN, or a PLANNER (Bappeda) granted the whole kabupaten. */
    static boolean kabupatenPlanner(LedgerUser user, String kabupatenId) {
        return user != null && (user.isAdmin() || user.grants().stream().anyMatch(g -> g.role() == Role.PLANNER
                && kabupatenId != null && kabupatenId.equals(g.kabupaten())));
    }
}
