package com.renovation.media.catalog.service;

import com.renovation.media.catalog.config.CatalogConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** Anonymous URLs of objects in the public {@code styles} bucket: no signature, so browsers and CDNs cache them. */
@ApplicationScoped
public class PublicUrls {

    private final String base;

    public PublicUrls(CatalogConfig config) {
        String configured = config.publicBaseUrl();
        this.base = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }

    public String of(String key) {
        return key == null ? null : base + "/" + key;
    }
}
