package com.renovation.media.web.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Replaces the roles smallrye-jwt read from the token's {@code groups} with those of the application's own
 * roles claim, so {@code @RolesAllowed("admin")} and {@link Caller#admin()} mean the same thing everywhere.
 */
@ApplicationScoped
public class ApplicationRolesAugmentor implements SecurityIdentityAugmentor {

    private final SecurityConfig config;

    public ApplicationRolesAugmentor(SecurityConfig config) {
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(token)
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addRoles(ApplicationRoles.of(token, config.rolesClaim()))
                .build());
    }
}
