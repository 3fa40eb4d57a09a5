package com.renovation.media.orders.service.webhooks;

import com.renovation.media.contracts.webhooks.WebhookSignature;
import com.renovation.media.orders.config.WebhookConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * POSTs one delivery: body = the event's JSON, signed ({@code Webhook-Signature}, the endpoint's secret), with
 * {@code Webhook-Id} (the delivery's id, the same on every retry, for the receiver to deduplicate) and
 * {@code Webhook-Event}. The target is checked again here (its name may resolve elsewhere than at registration:
 * DNS rebinding), and the connection goes to the very address checked, while the Host header, TLS SNI and
 * certificate check keep the URL's host name. Redirects are not followed; only a short excerpt of the answer is
 * kept, for the delivery log.
 */
@ApplicationScoped
public class WebhookSender {

    /** Characters of a receiver's answer kept in the delivery log. */
    static final int EXCERPT = 200;

    /** How one attempt ended: a status code (null when none came) and, unless 2xx, why it failed. */
    public record Result(Integer statusCode, String error) {
        public boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private final Vertx vertx;
    private final WebhookConfig config;
    private volatile HttpClient client;

    public WebhookSender(Vertx vertx, WebhookConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    public Uni<Result> send(String url, String secret, UUID deliveryId, String eventType, String payload) {
        TargetGuard.Target target;
        try {
            target = TargetGuard.parse(url, config.allowPrivateTargets());
        } catch (TargetGuard.Refused refused) {
            return Uni.createFrom().item(new Result(null, "target refused: " + refused.getMessage()));
        }
        return vertx.executeBlocking(() -> {
            try {
                return TargetGuard.resolve(target, config.allowPrivateTargets());
            } catch (TargetGuard.Refused refused) {
                throw new TargetRefusedAtDelivery(refused.getMessage());
            }
        }, false).chain(address -> post(target, address, secret, deliveryId, eventType, payload))
                .onFailure().recoverWithItem(failure -> new Result(null, failure instanceof TargetRefusedAtDelivery
                        ? "target refused: " + failure.getMessage() : describe(failure)));
    }

    private Uni<Result> post(TargetGuard.Target target, InetAddress address, String secret, UUID deliveryId,
            String eventType, String payload) {
        long timeout = config.requestTimeout().toMillis();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.https())
                .setURI(target.pathAndQuery())
                // connect to the checked address; Host, SNI and the certificate check still use the host name
                .setServer(SocketAddress.inetSocketAddress(target.port(), address.getHostAddress()))
                .setFollowRedirects(false)
                .setConnectTimeout(timeout)
                .setIdleTimeout(timeout)
                .setTimeout(timeout);
        return client().request(options)
                .chain(request -> request
                        .putHeader("Content-Type", "application/json")
                        .putHeader("User-Agent", "media-platform-webhooks/1")
                        .putHeader(WebhookSignature.DELIVERY_HEADER,
                                WebhookSignature.header(secret, Instant.now(), payload))
                        .putHeader("Webhook-Id", deliveryId.toString())
                        .putHeader("Webhook-Event", eventType)
                        .send(Buffer.buffer(payload.getBytes(StandardCharsets.UTF_8))))
                .chain(this::outcome)
                .ifNoItem().after(config.requestTimeout().multipliedBy(2)).failWith(
                        () -> new java.util.concurrent.TimeoutException("no answer within "
                                + config.requestTimeout()));
    }

    /** 2xx: delivered. Anything else: the status and the first characters of the answer. */
    private Uni<Result> outcome(HttpClientResponse response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            // the body is not wanted; the connection is not reused (keep-alive off), so nothing is read
            return Uni.createFrom().item(new Result(status, null));
        }
        String redirect = status >= 300 && status < 400 ? " (redirects are not followed)" : "";
        return response.toMulti().select().first(1).collect().asList()
                .map(chunks -> chunks.isEmpty() ? "" : excerpt(chunks.get(0).toString(StandardCharsets.UTF_8)))
                .onFailure().recoverWithItem("")
                .map(body -> new Result(status, "HTTP " + status + redirect + (body.isEmpty() ? "" : ": " + body)));
    }

    private HttpClient client() {
        HttpClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = vertx.createHttpClient(new HttpClientOptions()
                            .setKeepAlive(false)
                            .setVerifyHost(true)
                            .setTrustAll(false)
                            .setConnectTimeout((int) config.requestTimeout().toMillis()));
                }
                current = client;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.closeAndAwait();
        }
    }

    static String excerpt(String body) {
        String oneLine = body.replaceAll("\\p{Cntrl}+", " ").strip();
        return oneLine.length() <= EXCERPT ? oneLine : oneLine.substring(0, EXCERPT) + "…";
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return excerpt(failure.getClass().getSimpleName() + ": " + message);
    }

    /** The name resolved to a refused address at delivery time. */
    static final class TargetRefusedAtDelivery extends RuntimeException {
        TargetRefusedAtDelivery(String message) {
            super(message, null, false, false);
        }
    }
}
