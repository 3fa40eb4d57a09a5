package com.renovation.media.web.testing;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * Bearer tokens for integration tests, signed with this module's test key pair (test-jwt/), which services
 * accept in the %test profile only. Shipped in platform-web's test-jar.
 */
public final class TestTokens {
    public static final String ISSUER = "urn:media-platform:test";

    private TestTokens() {
    }

    public static String user(String userId) {
        return Jwt.issuer(ISSUER).subject(userId).upn(userId).groups(Set.of("user"))
                .expiresIn(Duration.ofHours(1)).sign();
    }

    public static String admin(String userId) {
        return Jwt.issuer(ISSUER).subject(userId).upn(userId).groups(Set.of("user", "admin"))
                .expiresIn(Duration.ofHours(1)).sign();
    }

    public static String newUserId() {
        return "user-" + UUID.randomUUID();
    }
}
