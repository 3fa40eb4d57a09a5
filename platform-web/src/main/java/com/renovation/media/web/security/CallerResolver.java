package com.renovation.media.web.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the current request, from its verified token. */
@RequestScoped
public class CallerResolver {

    private final SecurityIdentity identity;

    public CallerResolver(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller caller() {
        return Caller.of(identity);
    }
}
