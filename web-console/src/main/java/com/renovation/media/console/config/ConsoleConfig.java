package com.renovation.media.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Where the console's browser code finds the platform, and how people sign in ({@code platform.console.*}). */
@ConfigMapping(prefix = "platform.console")
public interface ConsoleConfig {

    /** asset-service's public API, as browsers reach it. */
    @WithDefault("http://127.0.0.1:8080")
    String apiUrl();

    /** catalog-service's public API, as browsers reach it. */
    @WithDefault("http://127.0.0.1:8083")
    String catalogUrl();

    /** order-service's API (orders, notifications, webhooks), as browsers reach it. */
    @WithDefault("http://127.0.0.1:8084")
    String ordersUrl();

    /**
     * The S3 endpoint as browsers reach it: they PUT uploads to its presigned URLs and load images from it. The
     * page's Content-Security-Policy allows no other origin for images and requests.
     */
    @WithDefault("http://127.0.0.1:59000")
    String storageUrl();

    /**
     * The CDN variants are served from when asset-service signs them there ({@code platform.storage.cdn.base-url}):
     * the policy then allows it for images and videos too. Unset: no CDN.
     */
    Optional<String> cdnUrl();

    Auth auth();

    interface Auth {

        /** {@code oidc} (authorization code + PKCE at {@link #issuer()}) or {@code local} (the local platform only). */
        @WithDefault("oidc")
        AuthMode mode();

        /** The OpenID Connect issuer (its discovery document is at {@code /.well-known/openid-configuration}). */
        Optional<String> issuer();

        /** The console's public client id at the issuer (no secret: a browser cannot keep one). */
        Optional<String> clientId();

        @WithDefault("openid profile")
        String scope();

        /** Local mode: the local platform's home, whose {@code jwt/} holds the key tokens are signed with. */
        Optional<Path> localHome();

        /** Local mode: how long a signed-in browser's token lasts. */
        @WithDefault("8h")
        Duration localTokenLifetime();
    }
}
