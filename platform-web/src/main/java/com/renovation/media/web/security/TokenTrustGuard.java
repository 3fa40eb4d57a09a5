package com.renovation.media.web.security;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start a process that trusts tokens anyone with a checkout can mint: the local platform's key
 * ({@code ./platform token}) and the tests' key pair (published in the repository) are trusted only in the
 * profiles listed in {@link #KEY_OWNING_PROFILES}. Outside them every token must also name this deployment's
 * audience, so a token the same identity provider issued for another application is refused.
 */
@ApplicationScoped
public class TokenTrustGuard {

    /** The only profiles in which the checkout's own keys may be trusted: an allow-list, so "prod,eu" is refused. */
    static final Set<String> KEY_OWNING_PROFILES = Set.of("local", "test");
    static final Set<String> CHECKOUT_ISSUERS = Set.of("urn:media-platform:local", "urn:media-platform:test");
    /** Where the launcher and the tests keep their public keys. */
    private static final List<String> CHECKOUT_KEY_LOCATIONS = List.of("/.platform/", "test-jwt/");

    private final List<String> profiles;
    private final Optional<String> issuer;
    private final Optional<String> keyLocation;
    private final Optional<List<String>> audiences;

    public TokenTrustGuard(Config config) {
        this.profiles = config.unwrap(SmallRyeConfig.class).getProfiles();
        this.issuer = config.getOptionalValue("mp.jwt.verify.issuer", String.class);
        this.keyLocation = config.getOptionalValue("mp.jwt.verify.publickey.location", String.class);
        this.audiences = config.getOptionalValues("mp.jwt.verify.audiences", String.class);
    }

    void onStart(@Observes StartupEvent event) {
        check();
    }

    /** Throws, naming every reason, when this process must not start with its token settings. */
    public void check() {
        List<String> reasons = violations();
        if (!reasons.isEmpty()) {
            throw new IllegalStateException("refusing to start with profiles " + profiles + ": "
                    + String.join("; ", reasons)
                    + " (set JWT_ISSUER, JWT_PUBLIC_KEY_LOCATION and JWT_AUDIENCE to your identity provider's)");
        }
    }

    List<String> violations() {
        if (profiles.stream().anyMatch(KEY_OWNING_PROFILES::contains)) {
            return List.of();
        }
        List<String> reasons = new ArrayList<>();
        issuer.filter(CHECKOUT_ISSUERS::contains)
                .ifPresent(i -> reasons.add("the token issuer " + i + " is the local platform's or the tests'"));
        keyLocation.filter(location -> CHECKOUT_KEY_LOCATIONS.stream().anyMatch(location::contains))
                .ifPresent(l -> reasons.add("the public key " + l + " is the local platform's or the tests'"));
        if (audiences.map(List::isEmpty).orElse(true)) {
            reasons.add("no token audience is required (mp.jwt.verify.audiences)");
        }
        return reasons;
    }
}
