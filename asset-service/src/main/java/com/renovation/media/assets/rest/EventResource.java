package com.renovation.media.assets.rest;

import com.renovation.media.assets.service.live.LiveSink;
import com.renovation.media.assets.service.live.LiveStreams;
import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.security.CallerResolver;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's live channel: Server-Sent Events of their own sessions' changes. */
@Path("/events")
@Authenticated
@Tag(name = "Live events")
public class EventResource {

    /** How long a browser waits before reconnecting after the stream ends (SSE {@code retry}). */
    private static final long RECONNECT_MILLIS = 2000;

    private final LiveStreams streams;
    private final CallerResolver callers;
    private final JsonWebToken token;

    public EventResource(LiveStreams streams, CallerResolver callers, JsonWebToken token) {
        this.streams = streams;
        this.callers = callers;
        this.token = token;
    }

    @GET
    @NonBlocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Stream the changes of the caller's own sessions", description = """
            Events: asset.confirmed, asset.processing, asset.ready, asset.variant, asset.failed, asset.deleted,
            room.deleted, session.deleted, document.ready, document.failed; each with an id. The first event,
            stream.ready, carries the id to resume from; stream.reset means events were lost (or the id was not
            one of the caller's): reload the state. Send Last-Event-ID to resume. Admins see their own stream only.
            The stream ends when the token expires; reconnect with a fresh one.""")
    public void stream(@HeaderParam("Last-Event-ID") String lastEventId, @Context SseEventSink sink,
            @Context Sse sse, @Context HttpServerResponse response) {
        OptionalLong resumeAfter = parse(lastEventId);
        // proxies must pass each event on at once, and nothing may be cached
        response.putHeader("Cache-Control", "no-store");
        response.putHeader("X-Accel-Buffering", "no");
        streams.open(callers.caller().userId(), resumeAfter, Instant.ofEpochSecond(token.getExpirationTime()),
                new SseSink(sink, sse)).subscribe().with(ok -> { }, failure -> { });
    }

    private static OptionalLong parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            long id = Long.parseLong(lastEventId.strip());
            if (id < 0) {
                throw new NumberFormatException();
            }
            return OptionalLong.of(id);
        } catch (NumberFormatException e) {
            throw ApiException.invalid("Last-Event-ID", "must be an event id this stream sent");
        }
    }

    private record SseSink(SseEventSink sink, Sse sse) implements LiveSink {

        @Override
        public CompletionStage<?> send(long id, String event, String data) {
            return sink.send(sse.newEventBuilder().id(Long.toString(id)).name(event).data(data)
                    .mediaType(MediaType.TEXT_PLAIN_TYPE).reconnectDelay(RECONNECT_MILLIS).build());
        }

        @Override
        public CompletionStage<?> heartbeat() {
            return sink.send(sse.newEventBuilder().comment("keep-alive").build());
        }

        @Override
        public boolean isClosed() {
            return sink.isClosed();
        }

        @Override
        public void close() {
            sink.close();
        }
    }
}
