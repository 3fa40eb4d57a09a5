package com.renovation.media.assets.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The {@code live_events} table: appended to inside the transaction of the change it reports, read by the open
 * streams through the pool, outside any transaction.
 */
@ApplicationScoped
public class LiveEventRepository {

    private static final String APPEND = """
            WITH stream AS (
                INSERT INTO live_streams (owner_id, last_seq) SELECT owner_id, 1 FROM %s
                ON CONFLICT (owner_id) DO UPDATE SET last_seq = live_streams.last_seq + 1
                RETURNING owner_id, last_seq)
            INSERT INTO live_events (owner_id, seq, kind, data)
            SELECT owner_id, last_seq, :kind, cast(cast(:data AS text) AS jsonb) FROM stream""";
    private static final String FOR_SESSION = APPEND.formatted("sessions WHERE id = :owner");
    private static final String FOR_OWNER = APPEND.formatted("(SELECT cast(:owner AS text) AS owner_id) o");

    /** One stored event, its data as the JSON text it was written as. */
    public record StoredEvent(long seq, String kind, String data) {
    }

    /** Where a user's stream stands: its last number, and the first one still kept (null when none is). */
    public record Position(long lastSeq, Long firstKept) {
    }

    private final Pool pool;

    public LiveEventRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Must be the last statement of the caller's transaction: it locks the user's stream row until commit (which
     * orders the user's events), so the pending entity changes are flushed first, and nothing may lock after it.
     * An unknown session (erased meanwhile) appends nothing.
     */
    public Uni<Void> appendForSessionOwner(UUID sessionId, String kind, String json) {
        return append(FOR_SESSION, sessionId, kind, json);
    }

    public Uni<Void> appendForOwner(String ownerId, String kind, String json) {
        return append(FOR_OWNER, ownerId, kind, json);
    }

    private static Uni<Void> append(String sql, Object owner, String kind, String json) {
        return Panache.getSession().chain(session -> session.flush().chain(() -> session.createNativeQuery(sql)
                .setParameter("owner", owner)
                .setParameter("kind", kind)
                .setParameter("data", json)
                .executeUpdate())).replaceWithVoid();
    }

    /** The user's events after {@code seq}, oldest first. */
    public Uni<List<StoredEvent>> after(String ownerId, long seq, int limit) {
        return pool.preparedQuery("SELECT seq, kind, data::text AS data FROM live_events"
                        + " WHERE owner_id = $1 AND seq > $2 ORDER BY seq LIMIT $3")
                .execute(Tuple.of(ownerId, seq, limit))
                .map(rows -> {
                    List<StoredEvent> events = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        events.add(new StoredEvent(row.getLong("seq"), row.getString("kind"), row.getString("data")));
                    }
                    return events;
                });
    }

    public Uni<Position> position(String ownerId) {
        return pool.preparedQuery("SELECT coalesce((SELECT last_seq FROM live_streams WHERE owner_id = $1), 0)"
                        + " AS last_seq, (SELECT min(seq) FROM live_events WHERE owner_id = $1) AS first_kept")
                .execute(Tuple.of(ownerId))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Position(row.getLong("last_seq"), row.getLong("first_kept"));
                });
    }

    /** Inside the caller's transaction: removes up to {@code limit} events written before {@code before}. */
    @SuppressWarnings("unchecked")
    public Uni<List<Long>> purge(Instant before, int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery("DELETE FROM live_events WHERE (owner_id, seq) IN"
                        + " (SELECT owner_id, seq FROM live_events WHERE created_at < :before LIMIT :limit"
                        + " FOR UPDATE SKIP LOCKED) RETURNING seq", Long.class)
                .setParameter("before", before)
                .setParameter("limit", limit)
                .getResultList());
    }
}
