package com.renovation.media.assets.service.live;

import java.util.concurrent.CompletionStage;

/** Where one stream's events go: an SSE connection. Each send completes once written (or fails once it cannot be). */
public interface LiveSink {

    /** One event: its {@code id} (the user's event number), {@code event} name and JSON {@code data}. */
    CompletionStage<?> send(long id, String event, String data);

    /** A comment line: keeps proxies from closing the idle connection, and finds a client that left. */
    CompletionStage<?> heartbeat();

    boolean isClosed();

    void close();
}
