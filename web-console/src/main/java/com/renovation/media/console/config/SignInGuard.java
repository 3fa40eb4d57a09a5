package com.renovation.media.console.config;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start a console whose sign-in would be unsafe or cannot work: local sign-in (a token for any name
 * typed in) outside the local platform and the tests, or OpenID Connect without an issuer and client id.
 */
@ApplicationScoped
public class SignInGuard {

    /** Where anyone may sign in as anyone: the developer's own machine, and the tests. */
    static final Set<String> LOCAL_SIGN_IN_PROFILES = Set.of("local", "test");

    private final ConsoleConfig config;
    private final List<String> profiles;

    public SignInGuard(ConsoleConfig config, Config mpConfig) {
        this.config = config;
        this.profiles = mpConfig.unwrap(SmallRyeConfig.class).getProfiles();
    }

    void onStart(@Observes StartupEvent event) {
        List<String> reasons = violations();
        if (!reasons.isEmpty()) {
            throw new IllegalStateException("refusing to start the console with profiles " + profiles + ": "
                    + String.join("; ", reasons));
        }
    }

    /** Whether local sign-in is on: its mode is chosen and this is a profile that allows it. */
    public boolean localSignIn() {
        return config.auth().mode() == AuthMode.LOCAL && profiles.stream().anyMatch(LOCAL_SIGN_IN_PROFILES::contains);
    }

    List<String> violations() {
        List<String> reasons = new ArrayList<>();
        ConsoleConfig.Auth auth = config.auth();
        if (auth.mode() == AuthMode.LOCAL) {
            if (!localSignIn()) {
                reasons.add("local sign-in lets anyone act as any user; it is for the local platform only"
                        + " (set CONSOLE_AUTH_MODE=oidc with CONSOLE_OIDC_ISSUER and CONSOLE_OIDC_CLIENT_ID)");
            } else if (auth.localHome().isEmpty()) {
                reasons.add("local sign-in needs the local platform's home (platform.console.auth.local-home)");
            }
        } else if (auth.issuer().isEmpty() || auth.clientId().isEmpty()) {
            reasons.add("OpenID Connect sign-in needs CONSOLE_OIDC_ISSUER and CONSOLE_OIDC_CLIENT_ID");
        }
        return reasons;
    }
}
