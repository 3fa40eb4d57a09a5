package com.renovation.media.messaging;

import com.renovation.media.messaging.consumer.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** A consumer as the services write them: the effect is one insert; "always-fails" notes fail on purpose. */
@ApplicationScoped
public class NoteConsumer {

    private final IdempotentConsumer consumer;

    public NoteConsumer(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("notes")
    public Uni<Void> onNote(Message<String> message) {
        // notes "for elsewhere" stand for another service's objects on a shared topic
        return consumer.process(message, "notes", NoteAdded.class, note -> !note.text().startsWith("for elsewhere"),
                event -> {
            if (event.data().text().equals("always-fails")) {
                return Uni.createFrom().failure(new IllegalStateException("effect failed on purpose"));
            }
            NoteEffect effect = new NoteEffect();
            effect.eventId = event.id();
            effect.noteId = event.data().noteId();
            effect.text = event.data().text();
            return effect.persist();
        });
    }
}
