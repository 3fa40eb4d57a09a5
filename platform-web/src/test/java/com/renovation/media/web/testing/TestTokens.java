package com.renovation.media.web.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Bearer tokens for integration tests, signed with this module's test key pair (test-jwt/), which services
 * accept in the %test profile only. Shipped in platform-web's test-jar.
 */
public final class TestTokens {
    public static final String ISSUER = "urn:media-platform:test";
    public static final String AUDIENCE = "urn:media-platform:test-api";

    private TestTokens() {
    }

    /** The claim the services read roles from (platform.security.roles-claim's default). */
    public static final String ROLES_CLAIM = "media_roles";

    /** The claims of a valid token, for a test that needs to change one of them before signing. */
    public static JwtClaimsBuilder claims(String userId, String... roles) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(userId).upn(userId).claim(ROLES_CLAIM, List.of(roles))
                .expiresIn(Duration.ofHours(1));
    }

    public static String user(String userId) {
        return claims(userId, "user").sign();
    }

    public static String admin(String userId) {
        return claims(userId, "user", "admin").sign();
    }

    public static String newUserId() {
        return "user-" + UUID.randomUUID();
    }
}
