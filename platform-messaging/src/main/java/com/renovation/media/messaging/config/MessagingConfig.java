package com.renovation.media.messaging.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Typed settings of the outbox relay and the idempotent consumer ({@code platform.messaging.*}). */
@ConfigMapping(prefix = "platform.messaging")
public interface MessagingConfig {

    /** The envelope's {@code source}: the service's name. */
    @WithDefault("${quarkus.application.name}")
    String source();

    /**
     * The one schema this service owns: Flyway migrates it, Hibernate and native SQL resolve tables in it, and it
     * holds the outbox and processed_events tables.
     */
    String schema();

    Outbox outbox();

    Consumer consumer();

    Purge purge();

    interface Outbox {
        /** Off in processes that only write (the relay of another replica publishes). */
        @WithDefault("true")
        boolean relayEnabled();

        /** Fallback poll, in case a NOTIFY was missed (e.g. while the listen connection reconnected). */
        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("200")
        int batchSize();

        /** First wait after a failed publish; doubles up to maxBackoff. */
        @WithDefault("500ms")
        Duration initialBackoff();

        @WithDefault("10s")
        Duration maxBackoff();

        /** Published rows (they hold the events' owner data) are kept this long for inspection, then deleted. */
        @WithDefault("P7D")
        Duration retention();

        /** How often the backlog gauges (unsent events, age of the oldest) are read from the table. */
        @WithDefault("15s")
        Duration backlogInterval();
    }

    interface Consumer {
        /** Attempts of one event's effect before it goes to the dead-letter topic. */
        @WithDefault("5")
        int maxAttempts();

        @WithDefault("200ms")
        Duration initialBackoff();

        @WithDefault("5s")
        Duration maxBackoff();

        /**
         * How long an applied event's id is remembered (it holds no owner data, only ids). Longer than any record
         * stays on a topic (retention.ms plus one segment), so every redelivery is still recognised.
         */
        @WithDefault("P30D")
        Duration retention();
    }

    /** The job deleting published outbox rows and remembered event ids past their retention. */
    interface Purge {
        @WithDefault("10m")
        Duration interval();

        /** Rows per DELETE, so one run never holds many row locks or a long transaction. */
        @WithDefault("1000")
        int batchSize();
    }
}
