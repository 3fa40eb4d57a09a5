package com.renovation.media.documents.messaging;

import com.renovation.media.documents.service.DocumentIntake;
import com.renovation.media.documents.service.DocumentRendering;
import com.renovation.media.documents.service.Erasure;
import com.renovation.media.documents.service.VersionPruning;
import com.renovation.media.contracts.events.Channels;
import com.renovation.media.contracts.events.payload.DocumentRequested;
import com.renovation.media.contracts.events.payload.RoomDeleted;
import com.renovation.media.contracts.events.payload.SessionDeleted;
import com.renovation.media.messaging.consumer.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * document.requested is recorded (idempotently) and rendered right away; the render queue's scheduled round
 * picks up whatever this misses. session.deleted and room.deleted erase the documents of the session or room.
 */
@ApplicationScoped
public class RequestAndErasureConsumer {

    private static final Logger LOG = Logger.getLogger(RequestAndErasureConsumer.class);

    private final IdempotentConsumer consumer;
    private final DocumentIntake intake;
    private final DocumentRendering rendering;
    private final Erasure erasure;
    private final VersionPruning pruning;

    public RequestAndErasureConsumer(IdempotentConsumer consumer, DocumentIntake intake, DocumentRendering rendering,
            Erasure erasure, VersionPruning pruning) {
        this.pruning = pruning;
        this.consumer = consumer;
        this.intake = intake;
        this.rendering = rendering;
        this.erasure = erasure;
    }

    /** Versions the owner's plan no longer keeps go with the request: PDFs before its transaction, rows in it. */
    @Incoming(Channels.DOCUMENT_REQUESTED)
    public Uni<Void> onRequested(Message<String> message) {
        AtomicReference<VersionPruning.Pruned> pruned = new AtomicReference<>();
        return consumer.process(message, Channels.DOCUMENT_REQUESTED, DocumentRequested.class,
                        event -> pruning.removePdfs(event).invoke(pruned::set),
                        (event, dropped) -> intake.record(event).chain(() -> pruning.forget(dropped)))
                .call(() -> pruned.get() == null ? Uni.createFrom().voidItem() : pruning.removePdfsAgain(pruned.get())
                        .onFailure().invoke(e -> LOG.warnf("dropped versions' PDFs not removed: %s", e.getMessage()))
                        .onFailure().recoverWithNull())
                .call(() -> rendering.renderDue()
                        .onFailure().invoke(e -> LOG.warnf("render after intake failed: %s", e.getMessage()))
                        .onFailure().recoverWithNull());
    }

    @Incoming(Channels.SESSION_DELETED)
    public Uni<Void> onSessionDeleted(Message<String> message) {
        return consumer.process(message, Channels.SESSION_DELETED, SessionDeleted.class, erasure::eraseSession);
    }

    @Incoming(Channels.ROOM_DELETED)
    public Uni<Void> onRoomDeleted(Message<String> message) {
        return consumer.process(message, Channels.ROOM_DELETED, RoomDeleted.class, erasure::eraseRoom);
    }
}
