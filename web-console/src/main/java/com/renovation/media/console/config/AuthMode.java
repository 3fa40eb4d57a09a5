package com.renovation.media.console.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How people sign in to the console. */
public enum AuthMode {
    /** OpenID Connect, authorization code with PKCE, against the configured issuer: production. */
    OIDC,
    /** A user name, and a token signed with the local platform's key: {@code ./platform up} only. */
    LOCAL;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
