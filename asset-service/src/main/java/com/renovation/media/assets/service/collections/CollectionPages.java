package com.renovation.media.assets.service.collections;

import com.renovation.media.assets.repository.CollectionItem;
import com.renovation.media.assets.repository.CollectionItemRepository;
import com.renovation.media.assets.repository.LibraryItem;
import com.renovation.media.assets.repository.LibraryItemRepository;
import com.renovation.media.assets.repository.UserCollection;
import com.renovation.media.assets.service.library.LibraryViews;
import com.renovation.media.web.paging.Page;
import com.renovation.media.web.paging.SortKey;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the owner's and the public views of collections share: a page of items in order, cover URLs. */
@ApplicationScoped
public class CollectionPages {

    private final CollectionItemRepository entries;
    private final LibraryItemRepository items;
    private final LibraryViews views;

    public CollectionPages(CollectionItemRepository entries, LibraryItemRepository items, LibraryViews views) {
        this.entries = entries;
        this.items = items;
        this.views = views;
    }

    /** A page of the collection's library items in the collection's order. Needs a session. */
    public Uni<Page<LibraryItem>> items(UUID collectionId, String cursor, int limit) {
        return entries.pageOfCollection(collectionId, SortKey.decode(cursor), limit + 1).chain(rows -> {
            Page<CollectionItem> page = Page.of(rows, limit,
                    e -> new SortKey(e.position, e.addedAt, e.libraryItemId).encode(), e -> e);
            List<UUID> ids = page.items().stream().map(e -> e.libraryItemId).toList();
            return items.byIds(ids).map(found -> {
                Map<UUID, LibraryItem> byId = found.stream()
                        .collect(Collectors.toMap(i -> i.id, Function.identity()));
                return new Page<>(ids.stream().map(byId::get).filter(Objects::nonNull).toList(),
                        page.nextCursor());
            });
        });
    }

    /** Each collection's cover URL (absent without a cover or a preview of it), by collection id. */
    public Uni<Map<UUID, String>> coverUrls(List<UserCollection> collections) {
        List<UUID> covers = collections.stream().map(c -> c.coverItemId).filter(Objects::nonNull).toList();
        if (covers.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return views.previewUrls(covers).map(byItem -> collections.stream()
                .filter(c -> c.coverItemId != null && byItem.containsKey(c.coverItemId))
                .collect(Collectors.toMap(c -> c.id, c -> byItem.get(c.coverItemId))));
    }

    public Uni<String> coverUrl(UserCollection collection) {
        return coverUrls(List.of(collection)).map(urls -> urls.get(collection.id));
    }
}
