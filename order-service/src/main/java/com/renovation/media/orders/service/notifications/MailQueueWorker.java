package com.renovation.media.orders.service.notifications;

import com.renovation.media.jobs.LockedBatchJob;
import com.renovation.media.jobs.LockedBatches;
import com.renovation.media.orders.config.NotificationConfig;
import com.renovation.media.orders.repository.Notification;
import com.renovation.media.orders.repository.NotificationRepository;
import com.renovation.media.orders.repository.NotificationStatus;
import com.renovation.media.orders.service.Backoff;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Sends the queued mails. The claim (one short transaction) first fails the mails a dead worker left in
 * {@code sending} (outcome_unknown: they may have gone out, so they are never sent again), then takes due mails
 * with SKIP LOCKED and marks them {@code sending} with a lease. The SMTP exchanges run outside any transaction;
 * each outcome is written afterwards in a second short transaction: sent; bounced (a permanent 5xx refusal, no
 * retry); queued again with exponential backoff after a temporary failure; failed once the attempts are spent.
 */
@ApplicationScoped
public class MailQueueWorker implements LockedBatchJob<MailQueueWorker.Attempt> {

    private static final Logger LOG = Logger.getLogger(MailQueueWorker.class);

    /** A claimed mail and, once worked on, how its send ended (null: sent). */
    public record Attempt(Notification notification, SendFailure failure) {
    }

    private final NotificationRepository notifications;
    private final MailComposer composer;
    private final ReactiveMailer mailer;
    private final NotificationConfig config;
    private final LockedBatches jobs;

    public MailQueueWorker(NotificationRepository notifications, MailComposer composer, ReactiveMailer mailer,
            NotificationConfig config, LockedBatches jobs) {
        this.notifications = notifications;
        this.composer = composer;
        this.mailer = mailer;
        this.config = config;
        this.jobs = jobs;
    }

    @Override
    public Schedule schedule() {
        return new Schedule("mail queue", config.pollInterval(), config.batchSize(), config.pollInterval());
    }

    /** One run now (tests, or an operator): answers how many mails it ended or put back for a retry. */
    public Uni<Integer> runOnce() {
        return jobs.run(this, Instant.now());
    }

    @Override
    public Uni<List<Attempt>> claim(Instant now, int limit) {
        return notifications.failLostSends(now, limit).invoke(lost -> {
            if (lost > 0) {
                LOG.warnf("mail queue: %d mail(s) found mid-send after their sender stopped: failed as"
                        + " outcome_unknown, not sent again", lost);
            }
        }).chain(() -> notifications.claimDue(now, now.plus(config.lease()), limit))
                .map(claimed -> claimed.stream().map(n -> new Attempt(n, null)).toList());
    }

    /** One SMTP exchange after another; a failure is an outcome, never a failure of the batch. */
    @Override
    public Uni<List<Attempt>> work(List<Attempt> claimed) {
        Context context = Vertx.currentContext();
        return Multi.createFrom().iterable(claimed).onItem().transformToUniAndConcatenate(this::send)
                .collect().asList()
                // the outcomes are written through Hibernate Reactive, which wants the context the run started on
                .emitOn(task -> {
                    if (context == null) {
                        task.run();
                    } else {
                        context.runOnContext(ignored -> task.run());
                    }
                });
    }

    private Uni<Attempt> send(Attempt attempt) {
        Notification n = attempt.notification();
        return Uni.createFrom().deferred(() -> mailer.send(composer.compose(n)))
                .replaceWith(attempt)
                .onFailure().recoverWithItem(failure -> new Attempt(n, SendFailure.of(failure)));
    }

    @Override
    public Uni<Void> finish(List<Attempt> done) {
        Instant now = Instant.now();
        return Multi.createFrom().iterable(done).onItem().transformToUniAndConcatenate(a -> record(a, now))
                .collect().asList().replaceWithVoid();
    }

    /**
     * An SMTP server's answer without the e-mail addresses it quotes ("550 5.1.1 <ann@example.com>: unknown"): logs
     * carry ids, not personal data. The notification row keeps the whole answer for its owner's support.
     */
    static String withoutAddresses(String smtpMessage) {
        return smtpMessage == null ? null : smtpMessage.replaceAll("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+", "<address>");
    }

    private Uni<Integer> record(Attempt attempt, Instant now) {
        Notification n = attempt.notification();
        SendFailure failure = attempt.failure();
        if (failure == null) {
            return notifications.markSent(n.id, now);
        }
        if (failure.permanent()) {
            LOG.infof("mail %s bounced: %s", n.id, withoutAddresses(failure.message()));
            return notifications.markEnded(n.id, NotificationStatus.BOUNCED, failure.code(), failure.message(), now);
        }
        if (n.attempts >= n.maxAttempts) {
            LOG.warnf("mail %s failed after %d attempts: %s", n.id, n.attempts, withoutAddresses(failure.message()));
            return notifications.markEnded(n.id, NotificationStatus.FAILED, failure.code(), failure.message(), now);
        }
        return notifications.retryAt(n.id, now.plus(backoff(n.attempts)), failure.code(), failure.message(), now);
    }

    /** The wait after failed attempt {@code attempt} (1-based): backoff × 2^(attempt-1), at most max-backoff. */
    Duration backoff(int attempt) {
        return Backoff.exponential(config.backoff(), config.maxBackoff(), attempt);
    }
}
