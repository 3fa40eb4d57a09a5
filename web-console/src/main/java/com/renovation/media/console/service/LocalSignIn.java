package com.renovation.media.console.service;

import com.renovation.media.console.config.ConsoleConfig;
import com.renovation.media.console.config.SignInGuard;
import com.renovation.media.localtokens.LocalTokens;
import com.renovation.media.web.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Local sign-in: a token for the name typed in, signed with the local platform's key, which only services in the
 * local profile trust. Not there at all elsewhere (404), and the console refuses to start with it outside the
 * local platform ({@link SignInGuard}).
 */
@ApplicationScoped
public class LocalSignIn {

    /** Names a person would type; the name becomes the token's subject, the key of everything they own. */
    static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    /** A signed-in browser's token and when it stops working. */
    public record LocalSession(String token, Instant expiresAt) {
    }

    private final ConsoleConfig config;
    private final SignInGuard guard;

    public LocalSignIn(ConsoleConfig config, SignInGuard guard) {
        this.config = config;
        this.guard = guard;
    }

    public boolean enabled() {
        return guard.localSignIn();
    }

    public LocalSession signIn(String user) {
        if (!enabled()) {
            throw ApiException.notFound("local sign-in (this console signs in with OpenID Connect)");
        }
        if (user == null || !USER_NAME.matcher(user).matches()) {
            throw ApiException.invalid("user", "1 to 64 letters, digits or . _ @ -, starting with a letter or digit");
        }
        Instant expiresAt = Instant.now().plus(config.auth().localTokenLifetime());
        try {
            LocalTokens tokens = new LocalTokens(config.auth().localHome().orElseThrow());
            return new LocalSession(tokens.token(user, false, config.auth().localTokenLifetime()), expiresAt);
        } catch (Exception e) {
            throw new IllegalStateException("the local platform's key cannot sign: " + e.getMessage(), e);
        }
    }
}
