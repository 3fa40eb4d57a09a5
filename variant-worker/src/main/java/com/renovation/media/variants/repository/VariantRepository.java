package com.renovation.media.variants.repository;

import com.renovation.media.contracts.events.payload.SourceKind;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class VariantRepository implements PanacheRepositoryBase<Variant, UUID> {

    public Uni<Variant> findOne(SourceKind sourceKind, UUID sourceId, String variantType, String format) {
        return find("sourceKind = ?1 and sourceId = ?2 and variantType = ?3 and format = ?4", sourceKind, sourceId,
                variantType, format).firstResult();
    }

    public Uni<List<Variant>> ofSource(UUID sourceId) {
        return list("sourceId", sourceId);
    }

    public Uni<List<Variant>> ofSession(UUID sessionId) {
        return list("sessionId", sessionId);
    }

    /** Marks a source deleted; answers false when it already was. */
    public Uni<Boolean> tombstone(UUID sourceId) {
        return getSession().chain(s -> s.createNativeQuery("INSERT INTO deleted_sources (source_id) VALUES (:id)"
                + " ON CONFLICT DO NOTHING").setParameter("id", sourceId).executeUpdate()).map(n -> n > 0);
    }

    public Uni<Boolean> tombstoneSession(UUID sessionId) {
        return getSession().chain(s -> s.createNativeQuery("INSERT INTO deleted_sessions (session_id) VALUES (:id)"
                + " ON CONFLICT DO NOTHING").setParameter("id", sessionId).executeUpdate()).map(n -> n > 0);
    }

    /** Whether the source, or the session it belongs to ({@code sessionId} may be null), was deleted. */
    public Uni<Boolean> isDeleted(UUID sourceId, UUID sessionId) {
        if (sessionId == null) {
            return isDeleted(sourceId);
        }
        // one round trip: asked on every render and again in every recording transaction
        return getSession().chain(s -> s.createNativeQuery("SELECT (SELECT count(*) FROM deleted_sources"
                + " WHERE source_id = :source) + (SELECT count(*) FROM deleted_sessions WHERE session_id = :session)",
                Long.class).setParameter("source", sourceId).setParameter("session", sessionId).getSingleResult())
                .map(n -> n > 0);
    }

    /**
     * Serialises storing a source's variants with deleting it, until the transaction ends: whichever comes
     * second sees what the first committed. Takes the session's lock before the source's, always.
     */
    public Uni<Void> lockForErasure(UUID sourceId, UUID sessionId) {
        Uni<Void> session = sessionId == null ? Uni.createFrom().voidItem() : lock("session:" + sessionId);
        return sourceId == null ? session : session.chain(() -> lock("source:" + sourceId));
    }

    private Uni<Void> lock(String key) {
        return getSession().chain(s -> s.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock("
                + "hashtextextended(:key, 0))) AS locked", Long.class).setParameter("key", key).getSingleResult())
                .replaceWithVoid();
    }

    public Uni<Boolean> isDeleted(UUID sourceId) {
        return getSession().chain(s -> s.createNativeQuery("SELECT count(*) FROM deleted_sources WHERE source_id = :id",
                Long.class).setParameter("id", sourceId).getSingleResult()).map(n -> n > 0);
    }
}
