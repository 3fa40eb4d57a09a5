package com.renovation.media.assets.service.collections;

import com.renovation.media.assets.repository.CollectionItem;
import com.renovation.media.assets.repository.CollectionItemRepository;
import com.renovation.media.assets.repository.CollectionVisibility;
import com.renovation.media.assets.repository.LibraryItemRepository;
import com.renovation.media.assets.repository.UserCollection;
import com.renovation.media.assets.repository.UserCollectionRepository;
import com.renovation.media.assets.rest.dto.CollectionRequests.CollectionPatch;
import com.renovation.media.assets.rest.dto.CollectionRequests.CreateCollection;
import com.renovation.media.assets.rest.dto.CollectionRequests.ItemOrder;
import com.renovation.media.assets.rest.dto.CollectionView;
import com.renovation.media.assets.rest.dto.LibraryItemView;
import com.renovation.media.assets.service.audit.AuditedChanges;
import com.renovation.media.assets.service.library.LibraryViews;
import com.renovation.media.assets.service.library.Tags;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The caller's collections (moodboards) of library items. Every change of a collection's items first locks the
 * collection's row, so concurrent changes queue: the item limit holds and positions stay distinct. itemCount
 * itself is kept by a trigger, whatever removes an item.
 */
@AuditedChanges
@ApplicationScoped
public class CollectionService {

    static final int MAX_COLLECTIONS = 1000;
    static final int MAX_ITEMS = 1000;

    /** The collection after an item was added, and whether it was added now (201) or was there already (200). */
    public record Added(CollectionView collection, boolean created) {
    }

    private final UserCollectionRepository collections;
    private final CollectionItemRepository entries;
    private final LibraryItemRepository libraryItems;
    private final CollectionPages pages;
    private final LibraryViews views;

    public CollectionService(UserCollectionRepository collections, CollectionItemRepository entries,
            LibraryItemRepository libraryItems, CollectionPages pages, LibraryViews views) {
        this.collections = collections;
        this.entries = entries;
        this.libraryItems = libraryItems;
        this.pages = pages;
        this.views = views;
    }

    /**
     * The limit of collections per user is checked before the insert without a lock: concurrent creates may
     * pass it by a few, which costs nothing (it bounds abuse, not a resource that must stay exact).
     */
    @WithTransaction
    public Uni<CollectionView> create(Caller caller, CreateCollection request) {
        String[] tags = Tags.normalize("tags", request.tags() == null ? List.of() : request.tags());
        return collections.countOfOwner(caller.userId()).chain(count -> {
            if (count >= MAX_COLLECTIONS) {
                throw new ApiException(ProblemKind.CONFLICT, "a user may have at most " + MAX_COLLECTIONS
                        + " collections");
            }
            UserCollection c = new UserCollection();
            c.id = UUID.randomUUID();
            c.ownerId = caller.userId();
            c.name = request.name().strip();
            c.slug = Slugs.of(c.name);
            c.description = blankToNull(request.description());
            c.visibility = request.visibility() == null ? CollectionVisibility.PRIVATE : request.visibility();
            c.tags = tags;
            c.createdAt = Instant.now();
            c.updatedAt = c.createdAt;
            return collections.persist(c).map(saved -> CollectionView.of(saved, null));
        });
    }

    @WithSession
    public Uni<Page<CollectionView>> list(Caller caller, String cursor, int limit) {
        return collections.pageOfOwner(caller.userId(), SortKey.decode(cursor), limit + 1)
                .chain(rows -> pages.coverUrls(rows).map(covers -> Page.of(rows, limit,
                        c -> new SortKey(0, c.createdAt, c.id).encode(), c -> CollectionView.of(c, covers.get(c.id)))));
    }

    @WithSession
    public Uni<CollectionView> get(Caller caller, UUID id) {
        return find(caller, id, Access.Mode.READ).chain(this::view);
    }

    @WithTransaction
    public Uni<CollectionView> patch(Caller caller, UUID id, CollectionPatch patch) {
        String[] tags = patch.tags() == null ? null : Tags.normalize("tags", patch.tags());
        return lock(caller, id).call(c -> patch.coverItemId() == null ? Uni.createFrom().voidItem()
                : entries.findById(new CollectionItem.Key(c.id, patch.coverItemId())).invoke(entry -> {
                    if (entry == null) {
                        throw ApiException.invalid("coverItemId", "must be an item of the collection");
                    }
                })).chain(c -> {
                    if (patch.name() != null) {
                        if (patch.name().isBlank()) {
                            throw ApiException.invalid("name", "must not be blank");
                        }
                        c.name = patch.name().strip(); // the slug stays: shared addresses keep working
                    }
                    if (patch.description() != null) {
                        c.description = blankToNull(patch.description());
                    }
                    if (patch.visibility() != null) {
                        c.visibility = patch.visibility();
                    }
                    if (tags != null) {
                        c.tags = tags;
                    }
                    if (patch.coverItemId() != null) {
                        c.coverItemId = patch.coverItemId();
                    }
                    c.updatedAt = Instant.now();
                    return view(c);
                });
    }

    /** Deletes the collection; its library items stay in the library. */
    @WithTransaction
    public Uni<Void> delete(Caller caller, UUID id) {
        return lock(caller, id).call(collections::delete).replaceWithVoid();
    }

    @WithSession
    public Uni<Page<LibraryItemView>> items(Caller caller, UUID id, String cursor, int limit) {
        return find(caller, id, Access.Mode.READ).chain(c -> pages.items(c.id, cursor, limit))
                .chain(page -> views.of(page.items()).map(list -> new Page<>(list, page.nextCursor())));
    }

    /** Adds one of the owner's library items at the end; adding it again changes nothing. */
    @WithTransaction
    public Uni<Added> addItem(Caller caller, UUID id, UUID libraryItemId) {
        return lock(caller, id).chain(c -> libraryItems.findById(libraryItemId).chain(item -> {
            if (item == null || !item.ownerId.equals(c.ownerId)) {
                throw ApiException.notFound("library item " + libraryItemId);
            }
            return entries.findById(new CollectionItem.Key(c.id, item.id));
        }).chain(existing -> {
            if (existing != null) {
                return view(c).map(view -> new Added(view, false));
            }
            if (c.itemCount >= MAX_ITEMS) {
                throw new ApiException(ProblemKind.CONFLICT, "a collection may hold at most " + MAX_ITEMS + " items");
            }
            return entries.nextPosition(c.id).chain(position -> {
                CollectionItem entry = new CollectionItem();
                entry.collectionId = c.id;
                entry.libraryItemId = libraryItemId;
                entry.position = position;
                entry.addedAt = Instant.now();
                return entries.persist(entry);
            }).chain(() -> collections.reload(c)).chain(this::view).map(view -> new Added(view, true));
        }));
    }

    @WithTransaction
    public Uni<Void> removeItem(Caller caller, UUID id, UUID libraryItemId) {
        return lock(caller, id).call(c -> entries.remove(c.id, libraryItemId).invoke(removed -> {
            if (!removed) {
                throw ApiException.notFound("library item " + libraryItemId + " in collection " + id);
            }
            if (libraryItemId.equals(c.coverItemId)) {
                c.coverItemId = null; // the cover is always one of the items
            }
        })).replaceWithVoid();
    }

    /** Puts the items in the given order, which must name every item of the collection exactly once. */
    @WithTransaction
    public Uni<CollectionView> reorder(Caller caller, UUID id, ItemOrder order) {
        return lock(caller, id).chain(c -> entries.allOf(c.id).chain(current -> {
            List<UUID> ids = order.libraryItemIds();
            Set<UUID> currentIds = current.stream().map(e -> e.libraryItemId).collect(Collectors.toSet());
            if (ids.size() != current.size() || new HashSet<>(ids).size() != ids.size()
                    || !currentIds.containsAll(ids)) {
                throw ApiException.invalid("libraryItemIds", "must name every item of the collection exactly once");
            }
            Map<UUID, CollectionItem> byItem = current.stream()
                    .collect(Collectors.toMap(e -> e.libraryItemId, e -> e));
            for (int i = 0; i < ids.size(); i++) {
                byItem.get(ids.get(i)).position = i;
            }
            c.updatedAt = Instant.now();
            return view(c);
        }));
    }

    private Uni<UserCollection> find(Caller caller, UUID id, Access.Mode mode) {
        return collections.findById(id).map(c -> checked(c, caller, mode, id));
    }

    /** Loads for a change: locked first, so the row read is the one the change applies to. */
    private Uni<UserCollection> lock(Caller caller, UUID id) {
        return collections.lock(id).map(c -> checked(c, caller, Access.Mode.WRITE, id));
    }

    private static UserCollection checked(UserCollection c, Caller caller, Access.Mode mode, UUID id) {
        if (c == null) {
            throw ApiException.notFound("collection " + id);
        }
        Access.checkOwner(c.ownerId, caller, mode, "collection " + id);
        return c;
    }

    private Uni<CollectionView> view(UserCollection c) {
        return pages.coverUrl(c).map(cover -> CollectionView.of(c, cover));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
