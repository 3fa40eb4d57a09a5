package com.renovation.media.assets.service.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.renovation.media.assets.config.LinkConfig;
import com.renovation.media.assets.repository.LinkKind;
import com.renovation.media.assets.rest.dto.LinkRequests.CreateLink;
import com.renovation.media.web.problem.ApiException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LinkRulesTest {

    static final LinkConfig LIMITS = new LinkConfig() {
        public Duration defaultExpiry() { return Duration.ofDays(7); }
        public Duration minExpiry() { return Duration.ofMinutes(1); }
        public Duration maxExpiry() { return Duration.ofDays(30); }
        public int defaultMaxDownloads() { return 10; }
        public int maxDownloads() { return 1000; }
        public int maxAssets() { return 5; }
        public Optional<String> publicBaseUrl() { return Optional.empty(); }
        public Duration redirectUrlTtl() { return Duration.ofMinutes(5); }
    };

    private final LinkRules rules = new LinkRules(LIMITS);

    private static List<UUID> ids(int n) {
        return Stream.generate(UUID::randomUUID).limit(n).toList();
    }

    private static CreateLink link(LinkKind kind, List<UUID> assets, UUID collection) {
        return new CreateLink(kind, assets, collection, null, null);
    }

    private void refused(CreateLink request, String field) {
        assertThatThrownBy(() -> rules.check(request)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).problem().status()).isEqualTo(400))
                .hasMessageStartingWith(field + ":");
    }

    @Test
    void defaultsApplyWhenTheCreatorSaysNothing() {
        List<UUID> assets = ids(3);
        LinkPlan plan = rules.check(link(LinkKind.ZIP, assets, null));
        assertThat(plan.expiresIn()).isEqualTo(Duration.ofDays(7));
        assertThat(plan.maxDownloads()).isEqualTo(10);
        assertThat(plan.assetIds()).isEqualTo(assets);
        assertThat(plan.forCollection()).isFalse();
    }

    @Test
    void aSingleLinkNamesExactlyOneAsset() {
        assertThat(rules.check(link(LinkKind.SINGLE, ids(1), null)).assetIds()).hasSize(1);
        refused(link(LinkKind.SINGLE, ids(2), null), "assetIds");
        refused(link(LinkKind.SINGLE, List.of(), null), "assetIds");
        refused(link(LinkKind.SINGLE, null, UUID.randomUUID()), "collectionId");
    }

    @Test
    void zipAndShareLinksNameUpToTheMaximumOfDistinctAssetsOrOneCollection() {
        for (LinkKind kind : List.of(LinkKind.ZIP, LinkKind.SHARE)) {
            assertThat(rules.check(link(kind, ids(5), null)).assetIds()).hasSize(5);
            UUID collection = UUID.randomUUID();
            LinkPlan plan = rules.check(link(kind, null, collection));
            assertThat(plan.forCollection()).isTrue();
            assertThat(plan.collectionId()).isEqualTo(collection);
            assertThat(rules.check(link(kind, List.of(), collection)).forCollection()).isTrue();
            refused(link(kind, ids(6), null), "assetIds");
            refused(link(kind, List.of(), null), "assetIds");
            refused(link(kind, null, null), "assetIds");
            refused(link(kind, ids(2), UUID.randomUUID()), "collectionId");
            UUID twice = UUID.randomUUID();
            refused(link(kind, List.of(twice, UUID.randomUUID(), twice), null), "assetIds");
            refused(link(kind, new ArrayList<>(Arrays.asList(UUID.randomUUID(), null)), null), "assetIds");
        }
    }

    @Test
    void lifetimeAndDownloadsStayWithinTheirBounds() {
        List<UUID> one = ids(1);
        assertThat(rules.check(new CreateLink(LinkKind.SINGLE, one, null, Duration.ofMinutes(1), 1)))
                .satisfies(p -> {
                    assertThat(p.expiresIn()).isEqualTo(Duration.ofMinutes(1));
                    assertThat(p.maxDownloads()).isEqualTo(1);
                });
        assertThat(rules.check(new CreateLink(LinkKind.SINGLE, one, null, Duration.ofDays(30), 1000)).maxDownloads())
                .isEqualTo(1000);
        refused(new CreateLink(LinkKind.SINGLE, one, null, Duration.ofSeconds(59), null), "expiresIn");
        refused(new CreateLink(LinkKind.SINGLE, one, null, Duration.ofDays(30).plusSeconds(1), null), "expiresIn");
        refused(new CreateLink(LinkKind.SINGLE, one, null, Duration.ofMinutes(-5), null), "expiresIn");
        refused(new CreateLink(LinkKind.SINGLE, one, null, null, 0), "maxDownloads");
        refused(new CreateLink(LinkKind.SINGLE, one, null, null, 1001), "maxDownloads");
        refused(new CreateLink(LinkKind.SINGLE, one, null, null, -1), "maxDownloads");
    }

    @Test
    void boundsAreNamedTheWayClientsWriteThem() {
        assertThatThrownBy(() -> rules.check(new CreateLink(LinkKind.SINGLE, ids(1), null, Duration.ofDays(31), null)))
                .hasMessageContaining("between PT1M and P30D");
    }
}
