package com.renovation.media.assets.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Request bodies ({@code platform.http.*}). {@code quarkus.http.limits.max-body-size} is raised for this service
 * because an artefact's SVG travels in its JSON; every other route keeps the small limit of a JSON document.
 */
@ConfigMapping(prefix = "platform.http")
public interface BodyLimitConfig {

    /** The largest body of any route but an artefact's create and edit (256 KiB, as on the other services). */
    @WithDefault("262144")
    long maxJsonBody();
}
