package com.renovation.media.variants.service.video;

import com.renovation.media.messaging.notify.PgChannels;
import com.renovation.media.variants.config.VideoConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The bounded pool of transcodes: {@code platform.videos.concurrency} slots, each a thread of its own that claims
 * a due job, works on it to its end and claims the next. Idle slots wait until a job is queued (a NOTIFY at the
 * queuing transaction's commit, on any replica, or this replica's own {@link #wake()}) or the poll interval has
 * passed (which also finds the jobs of workers whose lease ran out). On shutdown, running ffmpegs are stopped and
 * their jobs handed back, their attempts not counted.
 */
@ApplicationScoped
public class TranscodePool {

    private static final Logger LOG = Logger.getLogger(TranscodePool.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final TranscodeService service;
    private final VideoConfig config;
    private final PgChannels channels;
    private final String channel;
    private final Object monitor = new Object();
    private final Set<TranscodeRun> running = ConcurrentHashMap.newKeySet();
    private final List<Thread> slots = new ArrayList<>();
    private long wakeups;
    private volatile boolean stopped;
    private PgSubscriber subscriber;

    public TranscodePool(TranscodeService service, VideoConfig config, PgChannels channels,
            @ConfigProperty(name = "platform.messaging.schema") String schema) {
        this.service = service;
        this.config = config;
        this.channels = channels;
        this.channel = "transcode_jobs_" + schema;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.concurrency() <= 0) {
            LOG.info("video transcodes: none in this replica (platform.videos.concurrency=0)");
            return;
        }
        subscriber = channels.subscriber();
        subscriber.channel(channel).handler(ignored -> wake());
        subscriber.connect().subscribe().with(
                ok -> wake(), // a job queued while the connection was down is found now
                failure -> LOG.warnf("LISTEN %s failed, relying on polling: %s", channel, failure.getMessage()));
        for (int i = 0; i < config.concurrency(); i++) {
            Thread slot = Thread.ofPlatform().name("transcode-" + i).daemon().unstarted(this::work);
            slots.add(slot);
            slot.start();
        }
        LOG.infof("video transcodes: %d at once, x264 preset %s, lease %s", config.concurrency(), config.x264Preset(),
                config.lease());
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
        wake();
        running.forEach(run -> run.stop(TranscodeRun.Stop.SHUTDOWN));
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (Thread slot : slots) {
            try {
                slot.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }

    /** Tells idle slots to look for jobs now. */
    public void wake() {
        synchronized (monitor) {
            wakeups++;
            monitor.notifyAll();
        }
    }

    private void work() {
        while (!stopped) {
            long seen;
            synchronized (monitor) {
                seen = wakeups;
            }
            TranscodeRun run;
            try {
                run = service.claimNext();
            } catch (RuntimeException e) {
                LOG.warnf("claiming a transcode job failed, trying again: %s", e.getMessage());
                pause();
                continue;
            }
            if (run == null) {
                idle(seen);
                continue;
            }
            running.add(run);
            try {
                if (stopped) {
                    run.stop(TranscodeRun.Stop.SHUTDOWN);
                }
                service.run(run);
            } finally {
                running.remove(run);
            }
        }
    }

    /** Waits the poll interval, wake-ups or not (the database did not answer). */
    private void pause() {
        try {
            Thread.sleep(config.pollInterval());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    /** Waits for a wake-up after {@code seen} or the poll interval, whichever comes first. */
    private void idle(long seen) {
        synchronized (monitor) {
            if (wakeups != seen || stopped) {
                return;
            }
            try {
                monitor.wait(config.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
        }
    }
}
