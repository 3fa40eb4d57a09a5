package com.renovation.media.messaging;

import static org.awaitility.Awaitility.await;

import com.renovation.media.messaging.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The outbox relay given a wrong SASL password publishes nothing: the event waits in the outbox, unsent. */
@QuarkusTest
@TestProfile(SaslCredentials.Wrong.class)
class KafkaSaslWrongCredentialsIT {

    @Inject
    Outbox outbox;

    @Test
    void theRelayWithAWrongPasswordPublishesNothing() throws Throwable {
        UUID noteId = UUID.randomUUID();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                outbox.add(new NoteAdded(noteId, "refused by the broker"))));

        // the relay's rounds fail (authentication) and back off; the row stays pending all the while
        await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(15))
                .until(() -> unsent(noteId) == 1);
    }

    private static long unsent(UUID noteId) {
        try {
            return VertxContextSupport.<Long>subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .chain(s -> s.createNativeQuery("SELECT count(*) FROM outbox WHERE subject = :subject"
                            + " AND sent_at IS NULL", Long.class).setParameter("subject", noteId.toString())
                            .getSingleResult())));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
