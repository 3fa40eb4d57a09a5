package com.renovation.media.assets.service.links;

import com.fasterxml.jackson.annotation.JsonValue;
import com.renovation.media.assets.repository.Link;
import java.time.Instant;

/**
 * Whether a link opens, and if not, why. When several reasons hold, the first of revoked, expired, spent, gone
 * is named: the owner's own act first, then time, then use, then what happened to the target.
 */
public enum LinkStatus {
    ACTIVE("active", "the link opens"),
    REVOKED("revoked", "the link was revoked by its owner"),
    EXPIRED("expired", "the link has expired"),
    SPENT("spent", "the link has been used as many times as it allows"),
    GONE("gone", "what the link named no longer exists");

    private final String value;
    private final String reason;

    LinkStatus(String value, String reason) {
        this.value = value;
        this.reason = reason;
    }

    @JsonValue
    public String value() {
        return value;
    }

    /** Why a download was refused, for the problem's detail. */
    public String reason() {
        return reason;
    }

    /** {@code assetRowsLeft}: how many of the link's asset rows are still there. */
    public static LinkStatus of(Link link, long assetRowsLeft, Instant now) {
        if (link.revokedAt != null) {
            return REVOKED;
        }
        if (!link.expiresAt.isAfter(now)) {
            return EXPIRED;
        }
        if (link.downloads >= link.maxDownloads) {
            return SPENT;
        }
        if (!link.targetPresent(assetRowsLeft)) {
            return GONE;
        }
        return ACTIVE;
    }
}
