package id.sakip.ledger.access.web;

import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/** Where a failed form sign-in goes: back to the sign-in page, saying how long to wait when throttled. */
final class LoginPages {

    private LoginPages() {
    }

    static AuthenticationFailureHandler failure() {
        return (request, response, e) -> {
            String target = "/login?error";
            if (e instanceof SignInThrottled throttled) {
                response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
                target = "/login?tunggu=" + throttled.retryAfterSeconds();
            } else if (e instanceof SignInBusy) {
                response.setHeader("Retry-After", "1");
                target = "/login?tunggu=1";
            }
            response.sendRedirect(request.getContextPath() + target);
        };
    }
}
