package com.renovation.media.assets.repository;

import com.renovation.media.web.paging.SortKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LinkRepository implements PanacheRepositoryBase<Link, UUID> {

    /** The columns {@link Link} maps, named: a column added to the table later must not break the mapping. */
    private static final String COLUMNS = "id, owner_id, kind, token_hash, collection_id, target_count,"
            + " max_downloads, downloads, expires_at, revoked_at, last_accessed_at, created_at";

    /**
     * Counts one download of the link with this token hash, if it still allows one: a single statement, so
     * concurrent downloads queue on the row and each sees the count the one before it left (never one too many).
     * Answers the updated link, or null when there is no such link or it is expired, spent, revoked or gone.
     */
    @SuppressWarnings("unchecked")
    public Uni<Link> claim(byte[] tokenHash) {
        return getSession().chain(s -> s.createNativeQuery("UPDATE links l"
                + " SET downloads = l.downloads + 1, last_accessed_at = now()"
                + " WHERE l.token_hash = :hash AND l.downloads < l.max_downloads AND l.revoked_at IS NULL"
                + " AND l.expires_at > now() AND (l.collection_id IS NOT NULL"
                + " OR (SELECT count(*) FROM link_assets a WHERE a.link_id = l.id) >= l.target_count)"
                + " RETURNING " + COLUMNS, Link.class)
                .setParameter("hash", tokenHash)
                .getSingleResultOrNull());
    }

    public Uni<Link> byTokenHash(byte[] tokenHash) {
        return find("tokenHash", tokenHash).firstResult();
    }

    /** An owner's links, newest first, after the cursor; limit + 1 rows so the caller sees if more exist. */
    public Uni<List<Link>> pageOfOwner(String ownerId, SortKey after, int limit) {
        if (after == null) {
            return find("ownerId = ?1 order by createdAt desc, id desc", ownerId).range(0, limit).list();
        }
        return find("ownerId = :owner and (createdAt < :created or (createdAt = :created and id < :id))"
                + " order by createdAt desc, id desc",
                Parameters.with("owner", ownerId).and("created", after.createdAt()).and("id", after.id()))
                .range(0, limit).list();
    }
}
