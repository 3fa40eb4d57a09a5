package com.renovation.media.orders.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The mail queue's worker and its retries ({@code platform.notifications.*}); SMTP itself is quarkus.mailer.*. */
@ConfigMapping(prefix = "platform.notifications")
public interface NotificationConfig {

    /** How often a replica looks for queued mails. */
    @WithDefault("5s")
    Duration pollInterval();

    /** How many mails one batch claims at most. */
    @WithDefault("20")
    int batchSize();

    /** Attempts of one mail before it is failed (a permanent SMTP refusal ends it at once: bounced). */
    @WithDefault("5")
    int maxAttempts();

    /** The wait after the first failed attempt; each further one doubles it, up to {@link #maxBackoff()}. */
    @WithDefault("1m")
    Duration backoff();

    @WithDefault("1h")
    Duration maxBackoff();

    /**
     * How long a claimed mail stays with the worker sending it: longer than one batch's SMTP work ever takes.
     * A mail found still sending after it is failed as outcome_unknown, never sent again.
     */
    @WithDefault("5m")
    Duration lease();

    /** Mails a user receives link here (the web console). */
    @WithDefault("http://127.0.0.1:8090")
    String consoleUrl();
}
