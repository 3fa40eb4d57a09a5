package com.renovation.media.messaging.retention;

import com.renovation.media.messaging.config.MessagingConfig;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * Applied event ids (no owner data, only ids) are forgotten after {@code platform.messaging.consumer.retention},
 * longer than any record stays on a topic, so every redelivery is still recognised.
 */
@Singleton
public class ProcessedEventRetention extends RetentionPurge<UUID> {

    public ProcessedEventRetention(MessagingConfig config) {
        super(config, "processed event ids past their retention", config.consumer().retention(), UUID.class,
                "DELETE FROM " + config.schema() + ".processed_events WHERE (event_id, consumer) IN"
                        + " (SELECT event_id, consumer FROM " + config.schema() + ".processed_events"
                        + " WHERE processed_at < :before LIMIT :limit FOR UPDATE SKIP LOCKED) RETURNING event_id");
    }
}
