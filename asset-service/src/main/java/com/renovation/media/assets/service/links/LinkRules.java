package com.renovation.media.assets.service.links;

import com.renovation.media.assets.config.LinkConfig;
import com.renovation.media.assets.repository.LinkKind;
import com.renovation.media.assets.rest.dto.LinkRequests.CreateLink;
import com.renovation.media.web.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a link may be: a single link names one asset; a ZIP or share link names distinct assets (up to the
 * configured maximum) or one collection, never both; its lifetime and download count stay within bounds.
 */
@ApplicationScoped
public class LinkRules {

    private final LinkConfig config;

    public LinkRules(LinkConfig config) {
        this.config = config;
    }

    public LinkPlan check(CreateLink request) {
        int maxDownloads = maxDownloads(request.maxDownloads());
        Duration expiresIn = expiresIn(request.expiresIn());
        List<UUID> assetIds = request.assetIds() == null ? List.of() : request.assetIds();
        UUID collectionId = request.collectionId();
        if (request.kind() == LinkKind.SINGLE) {
            if (collectionId != null) {
                throw ApiException.invalid("collectionId", "a single link names one asset, not a collection");
            }
            if (assetIds.size() != 1) {
                throw ApiException.invalid("assetIds", "a single link names exactly one asset");
            }
        } else if (collectionId != null && !assetIds.isEmpty()) {
            throw ApiException.invalid("collectionId", "give assetIds or a collectionId, not both");
        } else if (collectionId == null && (assetIds.isEmpty() || assetIds.size() > config.maxAssets())) {
            throw ApiException.invalid("assetIds", "give 1 to " + config.maxAssets() + " assetIds, or a collectionId");
        }
        if (assetIds.stream().anyMatch(Objects::isNull)) {
            throw ApiException.invalid("assetIds", "must not contain null");
        }
        if (new HashSet<>(assetIds).size() != assetIds.size()) {
            throw ApiException.invalid("assetIds", "must not name an asset twice");
        }
        return new LinkPlan(request.kind(), List.copyOf(assetIds), collectionId, expiresIn, maxDownloads);
    }

    private int maxDownloads(Integer requested) {
        if (requested == null) {
            return config.defaultMaxDownloads();
        }
        if (requested < 1 || requested > config.maxDownloads()) {
            throw ApiException.invalid("maxDownloads", "must be between 1 and " + config.maxDownloads());
        }
        return requested;
    }

    private Duration expiresIn(Duration requested) {
        if (requested == null) {
            return config.defaultExpiry();
        }
        if (requested.compareTo(config.minExpiry()) < 0 || requested.compareTo(config.maxExpiry()) > 0) {
            throw ApiException.invalid("expiresIn", "must be between " + iso(config.minExpiry()) + " and "
                    + iso(config.maxExpiry()) + " (ISO-8601, e.g. P7D)");
        }
        return requested;
    }

    /** Whole days as days (P30D), the way clients write them, not as Duration's hours (PT720H). */
    static String iso(Duration duration) {
        return duration.toSeconds() % 86_400 == 0 && !duration.isZero() ? "P" + duration.toDays() + "D"
                : duration.toString();
    }
}
