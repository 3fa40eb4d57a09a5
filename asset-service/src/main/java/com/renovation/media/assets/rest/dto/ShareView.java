package com.renovation.media.assets.rest.dto;

import com.renovation.media.assets.repository.LinkKind;
import java.time.Instant;
import java.util.List;

/** What a share link shows anyone who opens it: the items' previews, until the link expires. */
public record ShareView(LinkKind kind, Instant expiresAt, List<PublicItemView> items) {

    public static ShareView of(Instant expiresAt, List<PublicItemView> items) {
        return new ShareView(LinkKind.SHARE, expiresAt, items);
    }
}
