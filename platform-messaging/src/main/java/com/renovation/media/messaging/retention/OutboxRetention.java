package com.renovation.media.messaging.retention;

import com.renovation.media.messaging.config.MessagingConfig;
import jakarta.inject.Singleton;

/**
 * Published outbox rows (they hold the events' owner data) go after {@code platform.messaging.outbox.retention};
 * unsent rows are never touched.
 */
@Singleton
public class OutboxRetention extends RetentionPurge<Long> {

    public OutboxRetention(MessagingConfig config) {
        super(config, "published outbox rows past their retention", config.outbox().retention(), Long.class,
                "DELETE FROM " + config.schema() + ".outbox WHERE seq IN (SELECT seq FROM " + config.schema()
                        + ".outbox WHERE sent_at < :before ORDER BY sent_at LIMIT :limit FOR UPDATE SKIP LOCKED)"
                        + " RETURNING seq");
    }
}
