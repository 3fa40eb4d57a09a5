package com.renovation.media.assets.service.live;

import com.renovation.media.assets.config.LiveConfig;
import com.renovation.media.assets.repository.LiveEventRepository;
import com.renovation.media.messaging.config.MessagingConfig;
import com.renovation.media.messaging.notify.PgChannels;
import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.problem.ProblemKind;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * This replica's open live streams. Every replica listens on the table's notification channel, whichever replica
 * (or other process) wrote the event, and wakes the streams of the user it names; a stream then reads the table
 * after its own cursor. Nothing is taken from this replica's memory, so a browser may reconnect to any replica
 * with its last id. A heartbeat on every stream also reads, which covers notifications lost while the listening
 * connection was down.
 */
@ApplicationScoped
public class LiveStreams {

    private static final Logger LOG = Logger.getLogger(LiveStreams.class);

    private final LiveConfig config;
    private final LiveEventRepository events;
    private final PgChannels channels;
    private final Vertx vertx;
    private final String channel;
    private final Map<String, Set<LiveStream>> byOwner = new ConcurrentHashMap<>();
    private PgSubscriber subscriber;
    private long heartbeatTimer = -1;
    private volatile boolean draining;

    public LiveStreams(LiveConfig config, LiveEventRepository events, PgChannels channels, Vertx vertx,
            MessagingConfig messaging) {
        this.config = config;
        this.events = events;
        this.channels = channels;
        this.vertx = vertx;
        this.channel = "live_events_" + messaging.schema();
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    /** Starts listening and beating; the service does it at start, a test may run a second hub as another replica. */
    public void start() {
        subscriber = channels.subscriber();
        subscriber.channel(channel).handler(this::wake).subscribeHandler(this::wakeAll);
        subscriber.connect().subscribe().with(ok -> LOG.debugf("listening for %s", channel),
                failure -> LOG.warnf("LISTEN %s failed, streams rely on their heartbeat: %s", channel,
                        failure.getMessage()));
        heartbeatTimer = vertx.setPeriodic(config.heartbeat().toMillis(), id -> beat());
    }

    /**
     * The replica begins to shut down: its streams end now (browsers reconnect, with their last id, to a replica
     * that stays) and no new one opens. An open stream counts as a request in flight, so left open it would hold
     * the HTTP drain for the whole shutdown timeout.
     */
    void onShutdownBegins(@Observes ShutdownDelayInitiatedEvent event) {
        draining = true;
        int open = byOwner.values().stream().mapToInt(Set::size).sum();
        closeAll();
        LOG.infof("shutting down: %d live streams ended, new ones refused", open);
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public void stop() {
        if (heartbeatTimer >= 0) {
            vertx.cancelTimer(heartbeatTimer);
        }
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
        closeAll();
    }

    private void closeAll() {
        byOwner.values().forEach(streams -> streams.forEach(LiveStream::close));
        byOwner.clear();
    }

    /**
     * Opens a stream of {@code owner}'s events into {@code sink}, from after {@code lastEventId} if given, until
     * {@code expiresAt} (the token's expiry). Refused with 429, before anything is written, when the user already
     * holds {@code platform.live.max-streams-per-user} streams here.
     */
    public Uni<Void> open(String owner, OptionalLong lastEventId, Instant expiresAt, LiveSink sink) {
        if (draining) {
            throw new ApiException(ProblemKind.SHUTTING_DOWN, "this replica is shutting down; reconnect");
        }
        LiveStream stream = new LiveStream(owner, sink, expiresAt, events, config.batchSize());
        byOwner.compute(owner, (key, streams) -> {
            Set<LiveStream> set = streams == null ? ConcurrentHashMap.newKeySet() : streams;
            set.removeIf(LiveStream::isClosed); // tabs closed since the last heartbeat no longer count
            if (set.size() >= config.maxStreamsPerUser()) {
                throw new ApiException(ProblemKind.TOO_MANY_REQUESTS, "at most " + config.maxStreamsPerUser()
                        + " event streams may be open at once; close one (another tab?) first");
            }
            set.add(stream);
            return set;
        });
        // registered first, so a notification arriving while the position is read is not lost: it waits for start
        return events.position(owner).chain(position -> stream.start(position, lastEventId))
                .onFailure().invoke(failure -> {
                    LOG.debugf("live stream of %s not started: %s", owner, failure.getMessage());
                    remove(stream);
                    stream.close();
                });
    }

    /** How many streams this replica holds open (a gauge, and what tests wait on). */
    public int openStreams() {
        return byOwner.values().stream().mapToInt(Set::size).sum();
    }

    private void wake(String owner) {
        Set<LiveStream> streams = byOwner.get(owner);
        if (streams != null) {
            streams.forEach(LiveStream::wake);
        }
    }

    private void wakeAll() {
        byOwner.values().forEach(streams -> streams.forEach(LiveStream::wake));
    }

    private void beat() {
        Instant now = Instant.now();
        byOwner.values().forEach(streams -> streams.forEach(stream -> {
            if (!stream.beat(now)) {
                remove(stream);
            }
        }));
    }

    private void remove(LiveStream stream) {
        byOwner.computeIfPresent(stream.owner(), (key, streams) -> {
            streams.remove(stream);
            return streams.isEmpty() ? null : streams;
        });
    }
}
