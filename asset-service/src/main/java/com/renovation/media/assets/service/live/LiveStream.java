package com.renovation.media.assets.service.live;

import com.renovation.media.assets.repository.LiveEventRepository;
import com.renovation.media.assets.repository.LiveEventRepository.Position;
import com.renovation.media.assets.repository.LiveEventRepository.StoredEvent;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * One open stream: the user's events after its cursor, read from the table whenever a notification (or a
 * heartbeat) says there may be more, and written to the sink one after another, so a slow client holds back
 * its own reads only. Reads coalesce: a wake-up during a read makes it read once more.
 */
final class LiveStream {

    private static final Logger LOG = Logger.getLogger(LiveStream.class);
    static final String READY = "stream.ready";
    static final String RESET = "stream.reset";

    private final String owner;
    private final LiveSink sink;
    private final Instant expiresAt;
    private final LiveEventRepository events;
    private final int batchSize;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private volatile boolean started;
    private volatile long cursor;

    LiveStream(String owner, LiveSink sink, Instant expiresAt, LiveEventRepository events, int batchSize) {
        this.owner = owner;
        this.sink = sink;
        this.expiresAt = expiresAt;
        this.events = events;
        this.batchSize = batchSize;
    }

    String owner() {
        return owner;
    }

    /**
     * Where the stream begins: after {@code lastEventId} when the client resumes and nothing since has been
     * forgotten; otherwise at the newest event, announced as {@code stream.ready} (a new stream: load the state
     * now, changes follow) or {@code stream.reset} (events were lost or the id is not one of this user's:
     * reload). Either carries the id to resume from.
     */
    Uni<Void> start(Position position, OptionalLong lastEventId) {
        long resumeFrom = lastEventId.orElse(-1);
        boolean lost = resumeFrom > position.lastSeq() || resumeFrom < position.lastSeq()
                && (position.firstKept() == null || position.firstKept() > resumeFrom + 1);
        Uni<Void> opening;
        if (lastEventId.isEmpty() || lost) {
            cursor = position.lastSeq();
            opening = send(cursor, lastEventId.isEmpty() ? READY : RESET,
                    "{\"resumed\":false,\"lastEventId\":" + cursor + "}");
        } else {
            cursor = resumeFrom;
            opening = send(cursor, READY, "{\"resumed\":true,\"lastEventId\":" + cursor + "}");
        }
        return opening.invoke(() -> {
            started = true;
            wake();
        });
    }

    /** There may be new events: read them (now, or right after the read under way). */
    void wake() {
        wanted.set(true);
        if (started && !sink.isClosed() && running.compareAndSet(false, true)) {
            read();
        }
    }

    private void read() {
        wanted.set(false);
        events.after(owner, cursor, batchSize).chain(this::sendAll).subscribe().with(sent -> {
            running.set(false);
            if (sent == batchSize || wanted.get()) {
                wake();
            }
        }, failure -> {
            running.set(false);
            LOG.debugf("live stream read failed, the next heartbeat reads again: %s", failure.getMessage());
        });
    }

    private Uni<Integer> sendAll(List<StoredEvent> batch) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (StoredEvent event : batch) {
            chain = chain.chain(() -> {
                // purged while this stream lagged behind by the whole retention: say so rather than skip silently
                Uni<Void> gap = event.seq() == cursor + 1 ? Uni.createFrom().voidItem()
                        : send(event.seq() - 1, RESET, "{\"resumed\":false,\"lastEventId\":" + (event.seq() - 1) + "}");
                return gap.chain(() -> send(event.seq(), event.kind(), event.data()))
                        .invoke(() -> cursor = event.seq());
            });
        }
        return chain.replaceWith(batch.size());
    }

    private Uni<Void> send(long id, String name, String data) {
        return Uni.createFrom().completionStage(() -> sink.send(id, name, data)).replaceWithVoid();
    }

    /** Keeps the connection alive and looks for missed events; false once the stream is over (left, or expired). */
    boolean beat(Instant now) {
        if (sink.isClosed()) {
            return false;
        }
        if (!now.isBefore(expiresAt)) {
            // the token it was opened with has expired: the client reconnects with a fresh one and its last id
            sink.close();
            return false;
        }
        sink.heartbeat();
        wake();
        return true;
    }

    boolean isClosed() {
        return sink.isClosed();
    }

    void close() {
        sink.close();
    }
}
