package id.sakip.ledger.access.web;

import org.springframework.security.core.AuthenticationException;

/** A sign-in refused because the password checks that may run at once are all taken; it may be retried shortly. */
public class SignInBusy extends AuthenticationException {

    public SignInBusy() {
        super("Too many sign-ins at once; try again in a second");
    }
}
