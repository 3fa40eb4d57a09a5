package com.renovation.media.web.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a verified token is read. */
@ConfigMapping(prefix = "platform.security")
public interface SecurityConfig {

    /**
     * The claim holding this application's roles ({@code admin} grants reading every user's data). It is
     * application-specific on purpose: an identity provider's generic {@code groups} often carry roles of other
     * applications. A nested claim is named by its path, e.g. {@code resource_access/media-platform/roles}.
     */
    @WithDefault("media_roles")
    String rolesClaim();
}
