package com.renovation.media.web.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonString;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the token's subject, and whether it may read everything (role {@code admin} of the
 * application's roles claim). Ownership is keyed on {@code sub}, never on {@code upn} or
 * {@code preferred_username}: those are display names a user may be able to choose. Every service trusts exactly
 * one issuer ({@code mp.jwt.verify.issuer}), so the subject alone identifies the user within it. The token's
 * top-level string claims come along, read when the request is resolved, so services can consult one (a plan,
 * say) after the request scope has moved on.
 */
public record Caller(String userId, boolean admin, Map<String, String> claims) {

    public Caller(String userId, boolean admin) {
        this(userId, admin, Map.of());
    }

    public static Caller of(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return new Caller(identity.getPrincipal().getName(), identity.hasRole("admin"));
        }
        Map<String, String> claims = new HashMap<>();
        for (String name : token.getClaimNames()) {
            Object value = token.getClaim(name);
            if (value instanceof String text) {
                claims.put(name, text);
            } else if (value instanceof JsonString json) {
                claims.put(name, json.getString());
            }
        }
        return new Caller(token.getSubject(), identity.hasRole("admin"), Map.copyOf(claims));
    }

    /** A top-level string claim of the caller's token, if it has one. */
    public Optional<String> claim(String name) {
        return Optional.ofNullable(claims.get(name));
    }
}
