package com.renovation.media.web.security;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the token's subject, and whether it may read everything (role {@code admin} of the
 * application's roles claim). Ownership is keyed on {@code sub}, never on {@code upn} or
 * {@code preferred_username}: those are display names a user may be able to choose. Every service trusts exactly
 * one issuer ({@code mp.jwt.verify.issuer}), so the subject alone identifies the user within it.
 */
public record Caller(String userId, boolean admin) {

    public static Caller of(SecurityIdentity identity) {
        String subject = identity.getPrincipal() instanceof JsonWebToken token ? token.getSubject()
                : identity.getPrincipal().getName();
        return new Caller(subject, identity.hasRole("admin"));
    }
}
