package com.renovation.media.messaging.notify;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * PostgreSQL {@code LISTEN} connections to this service's database. A subscriber holds its own connection,
 * outside the pool (a pooled one would be handed to someone else), and reconnects every second after a loss;
 * whoever listens must look at the table it watches again after a reconnect, since notifications sent while the
 * connection was down are gone.
 */
@ApplicationScoped
public class PgChannels {

    private static final long RECONNECT_MILLIS = 1000L;

    private final Vertx vertx;
    private final PgConnectOptions options;

    public PgChannels(Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String datasourceUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.vertx = vertx;
        String uri = datasourceUrl.startsWith("vertx-reactive:") ? datasourceUrl.substring("vertx-reactive:".length())
                : datasourceUrl;
        this.options = PgConnectOptions.fromUri(uri).setUser(user).setPassword(password);
    }

    /** A new subscriber, not yet connected: add its channels, then {@code connect()}. */
    public PgSubscriber subscriber() {
        return PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> RECONNECT_MILLIS);
    }
}
