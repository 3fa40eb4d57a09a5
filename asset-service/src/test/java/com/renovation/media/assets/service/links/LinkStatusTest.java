package com.renovation.media.assets.service.links;

import static org.assertj.core.api.Assertions.assertThat;

import com.renovation.media.assets.repository.Link;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LinkStatusTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static Link link(int targetCount, UUID collection) {
        Link link = new Link();
        link.targetCount = targetCount;
        link.collectionId = collection;
        link.maxDownloads = 3;
        link.expiresAt = NOW.plus(Duration.ofHours(1));
        return link;
    }

    @Test
    void anAssetLinkIsActiveWhileEveryAssetItNamedIsThere() {
        Link link = link(3, null);
        assertThat(LinkStatus.of(link, 3, NOW)).isEqualTo(LinkStatus.ACTIVE);
        assertThat(LinkStatus.of(link, 2, NOW)).isEqualTo(LinkStatus.GONE);
    }

    @Test
    void aCollectionsLinkLivesWithTheCollection() {
        assertThat(LinkStatus.of(link(1, UUID.randomUUID()), 0, NOW)).isEqualTo(LinkStatus.ACTIVE);
        // the collection's deletion set collection_id to null: no rows of its own, so gone
        assertThat(LinkStatus.of(link(1, null), 0, NOW)).isEqualTo(LinkStatus.GONE);
    }

    @Test
    void expiryIsTheMomentItselfAndUseIsTheMaximum() {
        Link link = link(1, null);
        link.expiresAt = NOW;
        assertThat(LinkStatus.of(link, 1, NOW)).isEqualTo(LinkStatus.EXPIRED);
        link.expiresAt = NOW.plusMillis(1);
        link.downloads = 3;
        assertThat(LinkStatus.of(link, 1, NOW)).isEqualTo(LinkStatus.SPENT);
        link.downloads = 2;
        assertThat(LinkStatus.of(link, 1, NOW)).isEqualTo(LinkStatus.ACTIVE);
    }

    @Test
    void revokedComesFirstThenExpiredThenSpentThenGone() {
        Link link = link(2, null);
        link.revokedAt = NOW.minusSeconds(5);
        link.expiresAt = NOW.minusSeconds(1);
        link.downloads = 3;
        assertThat(LinkStatus.of(link, 0, NOW)).isEqualTo(LinkStatus.REVOKED);
        link.revokedAt = null;
        assertThat(LinkStatus.of(link, 0, NOW)).isEqualTo(LinkStatus.EXPIRED);
        link.expiresAt = NOW.plusSeconds(1);
        assertThat(LinkStatus.of(link, 0, NOW)).isEqualTo(LinkStatus.SPENT);
        link.downloads = 0;
        assertThat(LinkStatus.of(link, 0, NOW)).isEqualTo(LinkStatus.GONE);
    }
}
