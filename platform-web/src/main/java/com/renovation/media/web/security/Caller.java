package com.renovation.media.web.security;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is calling: the token's user, and whether it may read everything (role {@code admin}). */
public record Caller(String userId, boolean admin) {

    public static Caller of(SecurityIdentity identity) {
        return new Caller(identity.getPrincipal().getName(), identity.hasRole("admin"));
    }
}
