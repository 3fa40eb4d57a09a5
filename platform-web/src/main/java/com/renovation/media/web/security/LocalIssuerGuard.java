package com.renovation.media.web.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start a production process configured to trust the local platform's tokens: anyone with a
 * checkout can mint those ({@code ./platform token}).
 */
@ApplicationScoped
public class LocalIssuerGuard {

    static final String LOCAL_ISSUER = "urn:media-platform:local";

    private final Optional<String> issuer;
    private final String profile;

    public LocalIssuerGuard(@ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer,
            @ConfigProperty(name = "quarkus.profile", defaultValue = "prod") String profile) {
        this.issuer = issuer;
        this.profile = profile;
    }

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.NORMAL && profile.equals("prod")
                && issuer.map(LOCAL_ISSUER::equals).orElse(false)) {
            throw new IllegalStateException("the prod profile must not accept tokens of the local platform ("
                    + LOCAL_ISSUER + "): set JWT_ISSUER and JWT_PUBLIC_KEY_LOCATION to your identity provider");
        }
    }
}
