package com.renovation.media.orders.service.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.renovation.media.contracts.predictions.Prediction;
import com.renovation.media.contracts.predictions.PredictionRequest;
import com.renovation.media.orders.config.ProviderConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;

/**
 * The provider's prediction API. The JDK's HttpClient rather than Vert.x's WebClient: it needs no dependency the
 * service does not already have, bounds every request by its own timeout ({@code platform.provider.request-timeout})
 * and lets the body be counted while it arrives (a too large answer is cut off, not buffered). Each call blocks a
 * virtual thread of its own and its result is handed back on the caller's Vert.x context, as ObjectStore does for
 * S3: Hibernate Reactive must not be resumed elsewhere. Every failure becomes a {@link ProviderFailure} with its
 * code and whether the provider may have acted on the request without its answer arriving.
 */
@ApplicationScoped
public class ProviderClient {

    /** The largest prediction JSON read: predictions are small, anything larger is not one. */
    private static final long MAX_JSON_BYTES = 1024 * 1024;

    private final ProviderConfig config;
    private final ObjectMapper json;
    private final HttpClient http;
    private final ExecutorService calls = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("provider-call-", 0).factory());

    public ProviderClient(ProviderConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        // HttpClient.send on a virtual thread per call, never sendAsync: sendAsync completes every answer on the
        // ForkJoinPool common pool (JDK's HttpClientImpl hands its result over with whenCompleteAsync). That pool
        // has cores - 1 threads, one on a two-core machine; whatever else blocks it (a test's runAsync awaiting a
        // run, a library's parallel stream) holds every provider answer back until the request times out, although
        // the provider answered at once. send() completes on the calling thread, which is ours.
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.requestTimeout())
                // an output URL is checked before it is fetched; a redirect would lead anywhere after the check
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** {@code POST /v1/predictions} with the idempotency key: the same key answers the same prediction. */
    public Uni<Prediction> create(PredictionRequest request, String idempotencyKey) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(request);
        } catch (IOException e) {
            return Uni.createFrom().failure(new IllegalStateException("prediction request not writable", e));
        }
        HttpRequest post = api("/v1/predictions").header("Content-Type", "application/json")
                .header(PredictionRequest.IDEMPOTENCY_HEADER, idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return prediction(post, "creating a prediction");
    }

    /** {@code GET /v1/predictions/{id}}. */
    public Uni<Prediction> get(String predictionId) {
        return Uni.createFrom().deferred(() -> prediction(api("/v1/predictions/" + pathSegment(predictionId))
                .GET().build(), "reading prediction " + predictionId));
    }

    /** {@code POST /v1/predictions/{id}/cancel}; any failure is swallowed (it only saves the provider work). */
    public Uni<Void> cancelQuietly(String predictionId) {
        if (predictionId == null) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> send(api("/v1/predictions/" + pathSegment(predictionId) + "/cancel")
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), MAX_JSON_BYTES,
                        "cancelling prediction " + predictionId))
                .replaceWithVoid().onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * The output's bytes, at most {@code platform.provider.max-output-bytes}; only from the provider's origin
     * ({@link OutputOrigin}), without following redirects.
     */
    public Uni<byte[]> download(String outputUrl) {
        if (!OutputOrigin.sameOrigin(config.baseUrl(), outputUrl)) {
            return Uni.createFrom().failure(new ProviderFailure(JobErrorCode.OUTPUT_INVALID, "the output URL "
                    + abbreviate(outputUrl) + " is not at the provider's origin", false));
        }
        HttpRequest get = HttpRequest.newBuilder(URI.create(outputUrl)).timeout(config.requestTimeout()).GET()
                .build();
        return send(get, config.maxOutputBytes(), "downloading the output").map(response -> {
            if (response.statusCode() != 200) {
                throw new ProviderFailure(JobErrorCode.OUTPUT_INVALID, "the output answered HTTP "
                        + response.statusCode(), true);
            }
            return response.body();
        });
    }

    private HttpRequest.Builder api(String path) {
        String base = config.baseUrl().toString();
        URI uri = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
        return HttpRequest.newBuilder(uri).timeout(config.requestTimeout())
                .header("Authorization", "Bearer " + config.token())
                .header("Accept", "application/json");
    }

    private Uni<Prediction> prediction(HttpRequest request, String what) {
        return send(request, MAX_JSON_BYTES, what).map(response -> {
            if (response.statusCode() / 100 != 2) {
                throw new ProviderFailure(JobErrorCode.PROVIDER_ERROR, "the provider answered HTTP "
                        + response.statusCode() + " " + what + ": "
                        + abbreviate(new String(response.body(), StandardCharsets.UTF_8)), true);
            }
            Prediction prediction;
            try {
                prediction = json.readValue(response.body(), Prediction.class);
            } catch (IOException e) {
                throw new ProviderFailure(JobErrorCode.PROVIDER_ERROR, "the provider's answer " + what
                        + " is not a prediction", true);
            }
            if (prediction.id() == null || prediction.id().isBlank() || prediction.status() == null) {
                throw new ProviderFailure(JobErrorCode.PROVIDER_ERROR, "the provider's answer " + what
                        + " has no id or status", true);
            }
            return prediction;
        });
    }

    private Uni<HttpResponse<byte[]>> send(HttpRequest request, long maxBytes, String what) {
        // the request timeout covers the wait for the answer's head; the body must arrive within it again
        Duration bodyTimeout = config.requestTimeout().multipliedBy(2);
        Context caller = Vertx.currentContext();
        Uni<HttpResponse<byte[]>> call = Uni.createFrom().emitter(emitter -> {
            Future<?> running = calls.submit(() -> {
                try {
                    emitter.complete(http.send(request, info -> new LimitedBody(maxBytes)));
                } catch (InterruptedException abandoned) {
                    // the caller gave up (the timeout below); send() has cancelled the exchange
                    emitter.fail(new TimeoutException("abandoned"));
                } catch (Throwable e) {
                    emitter.fail(e);
                }
            });
            emitter.onTermination(() -> running.cancel(true));
        });
        call = call.ifNoItem().after(bodyTimeout).failWith(TimeoutException::new)
                .onFailure().transform(e -> failure(e, what));
        if (caller == null) {
            return call;
        }
        // back on the caller's context: Hibernate Reactive must not be resumed on another thread
        Executor onCaller = task -> caller.runOnContext(ignored -> task.run());
        return call.emitOn(onCaller);
    }

    private static Throwable failure(Throwable e, String what) {
        if (e instanceof ProviderFailure) {
            return e;
        }
        // send() rethrows what went wrong as an exception of the same kind, or as a plain IOException around it
        Throwable cause = e;
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof BodyTooLarge) {
                cause = c;
                break;
            }
        }
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
            // no connection: nothing reached the provider
            return new ProviderFailure(JobErrorCode.PROVIDER_UNREACHABLE, "the provider could not be reached "
                    + what + ": " + cause, true, false);
        }
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return new ProviderFailure(JobErrorCode.PROVIDER_TIMEOUT, "the provider did not answer in time "
                    + what, true, true);
        }
        if (cause instanceof BodyTooLarge tooLarge) {
            return new ProviderFailure(JobErrorCode.OUTPUT_INVALID, "the answer " + what + " is larger than "
                    + tooLarge.limit + " bytes", true, false);
        }
        if (cause instanceof IOException) {
            // the connection broke after the request may have been sent: what the provider did is not known
            return new ProviderFailure(JobErrorCode.PROVIDER_UNREACHABLE, "the connection to the provider failed "
                    + what + ": " + cause, true, true);
        }
        return cause;
    }

    private static String pathSegment(String id) {
        if (!id.matches("[A-Za-z0-9_-]{1,128}")) {
            throw new ProviderFailure(JobErrorCode.PROVIDER_ERROR, "the provider named a prediction id that is"
                    + " not one: " + abbreviate(id), true);
        }
        return id;
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    /** A body larger than its limit: the download is cut off there. */
    static final class BodyTooLarge extends IOException {
        final long limit;

        BodyTooLarge(long limit) {
            super("body larger than " + limit + " bytes");
            this.limit = limit;
        }
    }

    /** Collects a body up to a limit, cancelling the transfer when it is passed. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final long limit;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        LimitedBody(long limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + (long) buffer.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new BodyTooLarge(limit));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
