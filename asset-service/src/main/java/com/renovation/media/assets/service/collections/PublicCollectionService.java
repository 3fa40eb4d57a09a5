package com.renovation.media.assets.service.collections;

import com.renovation.media.assets.repository.UserCollectionRepository;
import com.renovation.media.assets.rest.dto.PublicCollectionView;
import com.renovation.media.assets.service.library.LibraryViews;
import com.renovation.media.assets.service.library.Tags;
import com.renovation.media.web.paging.Page;
import com.renovation.media.web.paging.SortKey;
import com.renovation.media.web.problem.ApiException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Collections as anyone sees them without signing in: public ones are listed, unlisted ones open by their slug
 * only, private ones do not exist. Items show their variants, never an original or an id.
 */
@ApplicationScoped
public class PublicCollectionService {

    private final UserCollectionRepository collections;
    private final CollectionPages pages;
    private final LibraryViews views;

    public PublicCollectionService(UserCollectionRepository collections, CollectionPages pages,
            LibraryViews views) {
        this.collections = collections;
        this.pages = pages;
        this.views = views;
    }

    @WithSession
    public Uni<Page<PublicCollectionView.Summary>> list(String tag, String cursor, int limit) {
        String normalizedTag = tag == null ? null : Tags.one("tag", tag);
        return collections.pageOfPublic(normalizedTag, SortKey.decode(cursor), limit + 1)
                .chain(rows -> pages.coverUrls(rows).map(covers -> Page.of(rows, limit,
                        c -> new SortKey(0, c.createdAt, c.id).encode(),
                        c -> PublicCollectionView.Summary.of(c, covers.get(c.id)))));
    }

    @WithSession
    public Uni<PublicCollectionView> get(String slug, String cursor, int limit) {
        return collections.reachableBySlug(slug).chain(c -> {
            if (c == null) {
                throw ApiException.notFound("collection " + slug);
            }
            return pages.items(c.id, cursor, limit).chain(page -> views.publicOf(page.items())
                    .chain(items -> pages.coverUrl(c).map(cover -> new PublicCollectionView(c.slug, c.name,
                            c.description, List.of(c.tags), c.itemCount, cover, items,
                            page.nextCursor()))));
        });
    }
}
