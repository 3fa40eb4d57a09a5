package com.renovation.media.assets.service.library;

import com.renovation.media.assets.config.WorkspaceConfig;
import com.renovation.media.assets.repository.CatalogImageRepository;
import com.renovation.media.assets.repository.LibraryItem;
import com.renovation.media.assets.repository.LibraryItemKind;
import com.renovation.media.assets.repository.LibraryItemRepository;
import com.renovation.media.assets.repository.RoomAssetRepository;
import com.renovation.media.assets.repository.UserCollectionRepository;
import com.renovation.media.assets.rest.dto.LibraryItemView;
import com.renovation.media.assets.rest.dto.LibraryRequests.ItemPatch;
import com.renovation.media.assets.rest.dto.LibraryRequests.SaveItem;
import com.renovation.media.assets.service.audit.AuditedChanges;
import com.renovation.media.assets.service.sessions.Access;
import com.renovation.media.web.paging.Page;
import com.renovation.media.web.paging.SortKey;
import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.problem.ProblemKind;
import com.renovation.media.web.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The caller's permanent library: assets and catalog images kept for good, with titles, tags and favourites. */
@AuditedChanges
@ApplicationScoped
public class LibraryService {

    /** A saved item, and whether this request added it (201) or found it kept already (200). */
    public record Saved(LibraryItemView item, boolean created) {
    }

    private final LibraryItemRepository items;
    private final CatalogImageRepository images;
    private final RoomAssetRepository assets;
    private final Access access;
    private final LibraryViews views;
    private final WorkspaceConfig workspace;
    private final UserCollectionRepository collections;

    public LibraryService(LibraryItemRepository items, CatalogImageRepository images, RoomAssetRepository assets,
            Access access, LibraryViews views, WorkspaceConfig workspace, UserCollectionRepository collections) {
        this.collections = collections;
        this.items = items;
        this.images = images;
        this.assets = assets;
        this.access = access;
        this.views = views;
        this.workspace = workspace;
    }

    /** Keeps an asset (which then never expires from the workspace) or a catalog image; saving twice is harmless. */
    @WithTransaction
    public Uni<Saved> save(Caller caller, SaveItem request) {
        if ((request.assetId() == null) == (request.styleImageId() == null)) {
            throw ApiException.invalid("assetId", "give exactly one of assetId and styleImageId");
        }
        LibraryItemKind kind = request.assetId() != null ? LibraryItemKind.ASSET : LibraryItemKind.STYLE_IMAGE;
        UUID target = kind == LibraryItemKind.ASSET ? request.assetId() : request.styleImageId();
        return requireSavable(caller, kind, target)
                .chain(() -> items.insertIfAbsent(UUID.randomUUID(), caller.userId(), kind, target))
                .chain(created -> items.ofTarget(caller.userId(), kind, target)
                        .chain(this::view).map(view -> new Saved(view, created)));
    }

    private Uni<Void> requireSavable(Caller caller, LibraryItemKind kind, UUID target) {
        if (kind == LibraryItemKind.STYLE_IMAGE) {
            return images.findById(target).invoke(image -> {
                if (image == null) {
                    throw ApiException.notFound("style image " + target);
                }
            }).replaceWithVoid();
        }
        // locked first: the workspace's expiry job skips locked rows, so it never removes an asset being saved
        return assets.lock(target).chain(() -> access.asset(target, caller, Access.Mode.WRITE)).invoke(found -> {
            if (found.asset().confirmedAt == null) {
                throw new ApiException(ProblemKind.CONFLICT, "asset " + target
                        + " has no confirmed upload yet; confirm it before saving it");
            }
            found.asset().expiresAt = null; // kept for good: it no longer expires from the workspace
        }).replaceWithVoid();
    }

    /** The caller's items, newest first, optionally only (not) favourites or those with a tag. */
    @WithSession
    public Uni<Page<LibraryItemView>> list(Caller caller, Boolean favourite, String tag, String cursor,
            int limit) {
        String normalizedTag = tag == null ? null : Tags.one("tag", tag);
        return items.pageOfOwner(caller.userId(), favourite, normalizedTag, SortKey.decode(cursor), limit + 1)
                .chain(rows -> {
                    Page<LibraryItem> page = Page.of(rows, limit, i -> new SortKey(0, i.createdAt, i.id).encode(),
                            i -> i);
                    return views.of(page.items()).map(list -> new Page<>(list, page.nextCursor()));
                });
    }

    @WithSession
    public Uni<LibraryItemView> get(Caller caller, UUID id) {
        return find(caller, id, Access.Mode.READ).chain(this::view);
    }

    @WithTransaction
    public Uni<LibraryItemView> patch(Caller caller, UUID id, ItemPatch patch) {
        String[] tags = patch.tags() == null ? null : Tags.normalize("tags", patch.tags());
        return find(caller, id, Access.Mode.WRITE).chain(item -> {
            if (patch.customTitle() != null) {
                item.customTitle = patch.customTitle().isBlank() ? null : patch.customTitle().strip();
            }
            if (tags != null) {
                item.tags = tags;
            }
            if (patch.favourite() != null) {
                item.favourite = patch.favourite();
            }
            item.updatedAt = Instant.now();
            return view(item);
        });
    }

    /**
     * Forgets the item: the asset stays, the item leaves every collection (cascade), and a workspace asset no
     * item keeps any more expires from the workspace again.
     */
    @WithTransaction
    public Uni<Void> delete(Caller caller, UUID id) {
        return find(caller, id, Access.Mode.WRITE)
                .call(item -> collections.lockHolding(item.id))
                .call(item -> items.delete("id", item.id))
                .call(item -> item.assetId == null ? Uni.createFrom().voidItem()
                        : items.returnToWorkspace(item.assetId, workspace.expiry()))
                .replaceWithVoid();
    }

    private Uni<LibraryItem> find(Caller caller, UUID id, Access.Mode mode) {
        return items.findById(id).map(item -> {
            if (item == null) {
                throw ApiException.notFound("library item " + id);
            }
            Access.checkOwner(item.ownerId, caller, mode, "library item " + id);
            return item;
        });
    }

    private Uni<LibraryItemView> view(LibraryItem item) {
        return views.of(List.of(item)).map(list -> {
            if (list.isEmpty()) {
                throw ApiException.notFound("library item " + item.id); // its target was erased just now
            }
            return list.get(0);
        });
    }
}
