package com.renovation.media.assets.service.links;

import com.renovation.media.assets.config.LinkConfig;
import com.renovation.media.assets.repository.CatalogImage;
import com.renovation.media.assets.repository.CatalogImageRepository;
import com.renovation.media.assets.repository.Link;
import com.renovation.media.assets.repository.LinkAssetRepository;
import com.renovation.media.assets.repository.LinkRepository;
import com.renovation.media.assets.repository.LinkTargetRepository;
import com.renovation.media.assets.repository.LinkTargetRepository.CollectionEntry;
import com.renovation.media.assets.repository.RoomAsset;
import com.renovation.media.assets.repository.RoomAssetRepository;
import com.renovation.media.assets.rest.dto.PublicItemView;
import com.renovation.media.assets.rest.dto.ShareView;
import com.renovation.media.assets.service.audit.AuditedChanges;
import com.renovation.media.assets.service.previews.ItemPreviews;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.s3.PresignedUrls;
import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.problem.ProblemKind;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Opening a link anonymously: the token's hash finds it, one atomic update counts the download (or refuses:
 * unknown → 404, expired, spent, revoked or gone → 410), and what it names is read in the same short
 * transaction. Serving the bytes happens after it, outside any transaction.
 */
@ApplicationScoped
@AuditedChanges
public class LinkDownloads {

    private final LinkRepository links;
    private final LinkAssetRepository linkAssets;
    private final LinkTargetRepository targets;
    private final RoomAssetRepository assets;
    private final CatalogImageRepository catalogImages;
    private final ItemPreviews previews;
    private final PresignedUrls urls;
    private final LinkConfig config;

    public LinkDownloads(LinkRepository links, LinkAssetRepository linkAssets, LinkTargetRepository targets,
            RoomAssetRepository assets, CatalogImageRepository catalogImages, ItemPreviews previews,
            PresignedUrls urls, LinkConfig config) {
        this.links = links;
        this.linkAssets = linkAssets;
        this.targets = targets;
        this.assets = assets;
        this.catalogImages = catalogImages;
        this.previews = previews;
        this.urls = urls;
        this.config = config;
    }

    @WithTransaction
    public Uni<LinkDownload> open(String token) {
        byte[] hash = LinkTokens.hashOf(token).orElseThrow(LinkDownloads::unknown);
        return links.claim(hash).chain(link -> link == null ? refuse(hash) : serve(link));
    }

    private static ApiException unknown() {
        return ApiException.notFound("link");
    }

    /** The claim took nothing: say whether the link does not exist or why it no longer opens. */
    private Uni<LinkDownload> refuse(byte[] hash) {
        return links.byTokenHash(hash).chain(link -> {
            if (link == null) {
                throw unknown();
            }
            return linkAssets.countOf(link.id).map(left -> {
                LinkStatus status = LinkStatus.of(link, left, Instant.now());
                // ACTIVE only when the clocks of database and service disagree on the expiry's second
                throw new ApiException(ProblemKind.GONE, status == LinkStatus.ACTIVE ? ProblemKind.GONE.title()
                        : status.reason());
            });
        });
    }

    private Uni<LinkDownload> serve(Link link) {
        return items(link).chain(items -> switch (link.kind) {
            case SINGLE -> Uni.createFrom().item(redirect(items));
            case ZIP -> Uni.createFrom().item(zip(items));
            case SHARE -> share(link, items);
        });
    }

    private Uni<List<LinkItem>> items(Link link) {
        if (link.collectionId == null) {
            return targets.assetsOf(link.id).map(rows -> rows.stream().map(LinkItem::of).toList());
        }
        return targets.collectionEntries(link.collectionId).chain(entries -> {
            List<UUID> assetIds = entries.stream().map(CollectionEntry::assetId).filter(Objects::nonNull).toList();
            List<UUID> imageIds = entries.stream().map(CollectionEntry::styleImageId).filter(Objects::nonNull)
                    .toList();
            Uni<List<RoomAsset>> assetRows = assetIds.isEmpty() ? Uni.createFrom().item(List.of())
                    : assets.list("id in ?1", assetIds);
            return assetRows.chain(found -> catalogImages.byIds(imageIds).map(images -> {
                Map<UUID, RoomAsset> asset = found.stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
                Map<UUID, CatalogImage> image = images.stream()
                        .collect(Collectors.toMap(i -> i.id, Function.identity()));
                return entries.stream()
                        .map(e -> new LinkItem(e.assetId() == null ? null : asset.get(e.assetId()),
                                e.styleImageId() == null ? null : image.get(e.styleImageId()), e.customTitle()))
                        .filter(item -> item.asset() != null || item.styleImage() != null)
                        .toList();
            }));
        });
    }

    private LinkDownload redirect(List<LinkItem> items) {
        RoomAsset original = items.isEmpty() ? null : items.get(0).asset();
        if (original == null) {
            throw new ApiException(ProblemKind.GONE, LinkStatus.GONE.reason());
        }
        return new LinkDownload.Redirect(urls.attachment(Buckets.USER_UPLOADS, original.storagePath,
                original.originalFilename, config.redirectUrlTtl()).url());
    }

    /** Catalog images of a collection are left out: their originals are the catalog's, not the user's. */
    private static LinkDownload zip(List<LinkItem> items) {
        return new LinkDownload.Zip(items.stream().filter(i -> i.asset() != null)
                .map(i -> new ZipSource(i.asset().originalFilename, Buckets.USER_UPLOADS, i.asset().storagePath,
                        i.asset().createdAt))
                .toList());
    }

    private Uni<LinkDownload> share(Link link, List<LinkItem> items) {
        List<UUID> assetIds = items.stream().filter(i -> i.asset() != null).map(i -> i.asset().id).toList();
        return previews.ofAssets(assetIds).map(variants -> new LinkDownload.Share(ShareView.of(link.expiresAt,
                items.stream().map(i -> i.asset() != null
                        ? PublicItemView.ofAsset(i.customTitle(), i.asset(), variants.get(i.asset().id))
                        : PublicItemView.ofCatalogImage(i.customTitle(), i.styleImage(),
                                previews.ofCatalogImage(i.styleImage()))).toList())));
    }
}
