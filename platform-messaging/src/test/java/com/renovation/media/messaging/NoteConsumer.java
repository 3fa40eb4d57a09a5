package com.renovation.media.messaging;

import com.renovation.media.contracts.events.Event;
import com.renovation.media.messaging.consumer.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** A consumer as the services write them: the effect is one insert; "always-fails" notes fail on purpose; once per record and once per poll. */
@ApplicationScoped
public class NoteConsumer {

    private final IdempotentConsumer consumer;

    public NoteConsumer(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("notes")
    public Uni<Void> onNote(Message<String> message) {
        return consumer.process(message, "notes", NoteAdded.class, NoteConsumer::concerned, NoteConsumer::apply);
    }

    /** The same consumer in batch mode: the records of one poll together. */
    @Incoming("note-batches")
    public Uni<Void> onNotes(KafkaRecordBatch<String, String> batch) {
        return consumer.processBatch(batch.getRecords(), "note-batches", NoteAdded.class, NoteConsumer::concerned,
                NoteConsumer::apply);
    }

    /** Notes "for elsewhere" stand for another service's objects on a shared topic. */
    private static boolean concerned(NoteAdded note) {
        return !note.text().startsWith("for elsewhere");
    }

    private static Uni<?> apply(Event<NoteAdded> event) {
        if (event.data().text().equals("always-fails")) {
            return Uni.createFrom().failure(new IllegalStateException("effect failed on purpose"));
        }
        NoteEffect effect = new NoteEffect();
        effect.eventId = event.id();
        effect.noteId = event.data().noteId();
        effect.text = event.data().text();
        return effect.persist();
    }
}
