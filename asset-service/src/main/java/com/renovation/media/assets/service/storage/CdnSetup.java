package com.renovation.media.assets.service.storage;

import com.renovation.media.storage.cdn.VariantUrls;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * asset-service is the service that hands browsers variant URLs, so it builds {@link VariantUrls} at start: a
 * half-set {@code platform.storage.cdn.*}, an unreadable key or a lifetime out of bounds stops the start instead of
 * failing the first gallery.
 */
@ApplicationScoped
public class CdnSetup {

    private final VariantUrls variantUrls;

    public CdnSetup(VariantUrls variantUrls) {
        this.variantUrls = variantUrls;
    }

    void check(@Observes StartupEvent event) {
        variantUrls.throughCdn();
    }
}
