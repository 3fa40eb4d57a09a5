package com.renovation.media.standin;

import com.fasterxml.jackson.core.type.TypeReference;
import com.renovation.media.contracts.orders.ProcessingService;
import com.renovation.media.contracts.predictions.PredictionRequest;
import com.renovation.media.contracts.predictions.PredictionStatus;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stand-in processing provider (and payment provider's checkout) of the local platform: real HTTP on its own
 * port, a Replicate-shaped prediction API that really transforms images, and modes to be slow, fail or never
 * answer ({@link StandInMode}). Run as a process ({@link #main}, configured by the environment, see
 * {@link StandInSettings}) or in-process by tests ({@link #start}); the instance is the handle.
 *
 * <p>API: {@code POST /v1/predictions} (bearer token; {@code Idempotency-Key}: the same key answers the same
 * prediction, 200, and never starts a second run; a new prediction is 201), {@code GET /v1/predictions/{id}},
 * {@code POST /v1/predictions/{id}/cancel}, {@code GET /outputs/{id}.jpg}; control: {@code GET|PUT /_standin/mode},
 * {@code GET /_standin/stats}; checkout: {@code GET /checkout}, {@code POST /checkout/pay} ({@link Checkout}).
 */
public final class ProviderStandIn implements AutoCloseable {

    private static final int MAX_REQUEST_BYTES = 64 * 1024;
    private static final Pattern PREDICTION = Pattern.compile("/v1/predictions/([0-9a-f]{32})(/cancel)?");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|\\[[0-9a-fA-F:.]+\\](:[0-9]{1,5})?");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StandInSettings settings;
    private final HttpServer server;
    // Requests on platform threads: on virtual threads they were seen to stall behind runs pinned to the carriers
    // (ImageIO's native decoding) in a busy test JVM, and a provider that answers late fails the callers' timeouts.
    private final ExecutorService requests = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("standin-request-", 0).factory());
    private final ExecutorService runs = Executors.newVirtualThreadPerTaskExecutor();
    private final PredictionStore store;
    private final PredictionRunner runner;
    private final Checkout checkout;
    private final CountDownLatch closing = new CountDownLatch(1);

    private final AtomicReference<StandInMode> mode = new AtomicReference<>(StandInMode.NORMAL);
    /** Where output and self links point; empty: the origin each request came in by. */
    private final AtomicReference<String> publicBase = new AtomicReference<>();
    /** Counters of the deterministic rates, restarted by every mode change. */
    private final AtomicLong decided = new AtomicLong();
    private final AtomicLong posted = new AtomicLong();
    private final AtomicInteger failNextLeft = new AtomicInteger();

    private final Map<String, AtomicInteger> runsPerKey = new ConcurrentHashMap<>();
    private final AtomicLong runsStarted = new AtomicLong();
    private final AtomicLong resumed = new AtomicLong();
    private final AtomicLong replays = new AtomicLong();
    private final AtomicLong posts = new AtomicLong();
    private final AtomicLong errorsAnswered = new AtomicLong();
    private final AtomicLong hung = new AtomicLong();
    private final AtomicLong cancels = new AtomicLong();
    private final AtomicLong canceled = new AtomicLong();

    private ProviderStandIn(StandInSettings settings) throws IOException {
        this.settings = settings;
        Files.createDirectories(settings.dataDir());
        this.store = new PredictionStore(settings.dataDir());
        this.runner = new PredictionRunner(store, new InputImages(settings.maxInputBytes()), runs,
                () -> mode.get().delayMs());
        this.checkout = new Checkout(settings);
        this.publicBase.set(settings.publicBaseUrl().orElse(null));
        this.server = HttpServer.create(new InetSocketAddress(settings.port()), 128);
        server.setExecutor(requests);
        server.createContext("/", this::route);
    }

    /** Starts a stand-in on {@code settings.port()} (0: a free one); unfinished predictions on disk resume. */
    public static ProviderStandIn start(StandInSettings settings) throws IOException {
        ProviderStandIn standIn = new ProviderStandIn(settings);
        standIn.server.start();
        for (StoredPrediction p : standIn.store.all()) {
            if (p.idempotencyKey() != null) {
                standIn.runsPerKey.computeIfAbsent(p.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
            }
            if (!p.status().terminal()) {
                standIn.resumed.incrementAndGet();
                standIn.runner.submit(p.id());
            }
        }
        return standIn;
    }

    public static void main(String[] args) throws Exception {
        StandInSettings settings = StandInSettings.fromEnvironment(System.getenv());
        ProviderStandIn standIn = start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(standIn::close));
        System.out.println("provider stand-in listening on " + standIn.url() + " (data in "
                + settings.dataDir().toAbsolutePath() + ")");
        standIn.closing.await();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://localhost:<port>}, the base URL a client on this machine uses. */
    public String url() {
        return "http://localhost:" + port();
    }

    public String token() {
        return settings.token();
    }

    public StandInMode mode() {
        return mode.get();
    }

    /** Sets the mode and restarts the counters its rates are decided by. */
    public void mode(StandInMode next) {
        mode.set(next);
        decided.set(0);
        posted.set(0);
        failNextLeft.set(next.failNext());
    }

    public StandInStats stats() {
        return new StandInStats(store.all().size(), runsStarted.get(), resumed.get(),
                runsPerKey.values().stream().mapToInt(AtomicInteger::get).max().orElse(0), replays.get(),
                posts.get(), errorsAnswered.get(), hung.get(), cancels.get(), runner.succeeded.get(),
                runner.failed.get(), canceled.get());
    }

    /** How many predictions each idempotency key has created (1 each while idempotency holds), for tests. */
    public Map<String, Integer> runsPerKey() {
        Map<String, Integer> snapshot = new HashMap<>();
        runsPerKey.forEach((key, count) -> snapshot.put(key, count.get()));
        return snapshot;
    }

    /**
     * Makes output URLs point at {@code base} from now on (null: back to the settings' public URL or the request's
     * origin): tests make the stand-in name an output somewhere its clients must refuse to fetch from.
     */
    public void publicBaseUrl(String base) {
        publicBase.set(base != null ? base : settings.publicBaseUrl().orElse(null));
    }

    /** The prediction's current status, for tests; null when there is none. */
    public PredictionStatus status(String predictionId) {
        return store.find(predictionId).map(StoredPrediction::status).orElse(null);
    }

    @Override
    public void close() {
        if (closing.getCount() == 0) {
            return;
        }
        closing.countDown();
        server.stop(0);
        runs.shutdownNow();
        runner.close();
        try {
            // a run still writing its files must be done before the caller removes the data directory
            runs.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        requests.shutdownNow();
    }

    private void route(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.startsWith("/v1/")) {
                predictions(exchange, method, path);
            } else if (path.startsWith("/outputs/") && method.equals("GET")) {
                output(exchange, path.substring("/outputs/".length()));
            } else if (path.equals("/_standin/mode")) {
                modeEndpoint(exchange, method);
            } else if (path.equals("/_standin/stats") && method.equals("GET")) {
                Exchanges.json(exchange, 200, stats());
            } else if (path.equals("/checkout") && method.equals("GET")) {
                checkout.page(exchange);
            } else if (path.equals("/checkout/pay") && method.equals("POST")) {
                checkout.pay(exchange);
            } else {
                Exchanges.problem(exchange, 404, "Not found", "no such resource");
            }
        } catch (Exchanges.TooLarge e) {
            Exchanges.problem(exchange, 413, "Request too large", "at most " + MAX_REQUEST_BYTES + " bytes");
        } catch (RuntimeException e) {
            Exchanges.problem(exchange, 500, "Stand-in error", String.valueOf(e.getMessage()));
        }
    }

    private void predictions(HttpExchange exchange, String method, String path) throws IOException {
        if (mode.get().hang()) {
            hang(exchange);
            return;
        }
        if (!authorized(exchange)) {
            Exchanges.problem(exchange, 401, "Unauthenticated", "a valid bearer token is required");
            return;
        }
        if (path.equals("/v1/predictions") && method.equals("POST")) {
            create(exchange);
            return;
        }
        Matcher m = PREDICTION.matcher(path);
        if (!m.matches()) {
            Exchanges.problem(exchange, 404, "Not found", "no such prediction");
            return;
        }
        String id = m.group(1);
        if (m.group(2) == null && method.equals("GET")) {
            var found = store.find(id);
            if (found.isEmpty()) {
                Exchanges.problem(exchange, 404, "Not found", "no such prediction");
            } else {
                Exchanges.json(exchange, 200, found.get().view(base(exchange)));
            }
        } else if (m.group(2) != null && method.equals("POST")) {
            cancel(exchange, id);
        } else {
            Exchanges.problem(exchange, 405, "Method not allowed", method + " " + path);
        }
    }

    /** Reads nothing and answers nothing until the stand-in stops: a provider that accepted and went silent. */
    private void hang(HttpExchange exchange) {
        hung.incrementAndGet();
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.close();
    }

    private void create(HttpExchange exchange) throws IOException {
        posts.incrementAndGet();
        StandInMode current = mode.get();
        if (decide(posted.incrementAndGet(), current.errorRate())) {
            errorsAnswered.incrementAndGet();
            Exchanges.problem(exchange, 500, "Internal server error", "the stand-in was told to answer 500");
            return;
        }
        PredictionRequest request;
        try {
            request = Exchanges.JSON.readValue(Exchanges.body(exchange, MAX_REQUEST_BYTES), PredictionRequest.class);
        } catch (Exchanges.TooLarge e) {
            throw e;
        } catch (IOException e) {
            Exchanges.problem(exchange, 400, "Malformed request", "the body is not a prediction request");
            return;
        }
        if (request == null || request.version() == null || ProcessingService.find(request.version()).isEmpty()) {
            Exchanges.problem(exchange, 422, "Invalid version", "version must be one of "
                    + ProcessingService.allValues());
            return;
        }
        Map<String, Object> input = request.input() == null ? Map.of() : request.input();
        try {
            InputImages.checkedUrl(input.get("image"));
        } catch (InputImages.InputRefused refused) {
            Exchanges.problem(exchange, 422, "Invalid input", refused.getMessage());
            return;
        }
        String key = exchange.getRequestHeaders().getFirst(PredictionRequest.IDEMPOTENCY_HEADER);
        if (key != null && (key.isBlank() || key.length() > 255)) {
            Exchanges.problem(exchange, 400, "Invalid idempotency key", "1 to 255 characters");
            return;
        }
        PredictionStore.Created created = store.createOnce(key, k -> {
            runsStarted.incrementAndGet();
            if (k != null) {
                runsPerKey.computeIfAbsent(k, x -> new AtomicInteger()).incrementAndGet();
            }
            return new StoredPrediction(newId(), request.version(), k, new HashMap<>(input),
                    PredictionStatus.STARTING, null, false, toFail(current), false, Instant.now().toString(), null,
                    null);
        });
        StoredPrediction p = created.prediction();
        if (created.isNew()) {
            runner.submit(p.id());
            answerLate(current.answerDelayMs());
        } else {
            replays.incrementAndGet();
            if (!p.version().equals(request.version())) {
                Exchanges.problem(exchange, 422, "Idempotency key reused", "the key was used for a prediction of "
                        + p.version());
                return;
            }
        }
        Exchanges.json(exchange, created.isNew() ? 201 : 200, p.view(base(exchange)));
    }

    /** Holds the answer back (answerDelayMs) while the prediction already runs; the stand-in closing ends it. */
    private void answerLate(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            closing.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean toFail(StandInMode current) {
        if (failNextLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            return true;
        }
        return decide(decided.incrementAndGet(), current.failRate());
    }

    /** The n-th decision under {@code rate} is yes when floor(n × rate) grows at n: exact shares, no chance. */
    static boolean decide(long n, double rate) {
        return rate > 0 && Math.floor(n * rate) > Math.floor((n - 1) * rate);
    }

    private void cancel(HttpExchange exchange, String id) throws IOException {
        cancels.incrementAndGet();
        boolean[] changed = {false};
        StoredPrediction p = store.update(id, current -> {
            if (current.status().terminal()) {
                return current;
            }
            changed[0] = true;
            return current.cancelling().ended(PredictionStatus.CANCELED, null, false, Instant.now().toString());
        });
        if (p == null) {
            Exchanges.problem(exchange, 404, "Not found", "no such prediction");
            return;
        }
        if (changed[0]) {
            canceled.incrementAndGet();
        }
        Exchanges.json(exchange, 200, p.view(base(exchange)));
    }

    private void output(HttpExchange exchange, String file) throws IOException {
        var path = store.output(file);
        if (path.isEmpty()) {
            Exchanges.problem(exchange, 404, "Not found", "no such output");
            return;
        }
        Exchanges.send(exchange, 200, "image/jpeg", Files.readAllBytes(path.get()));
    }

    private void modeEndpoint(HttpExchange exchange, String method) throws IOException {
        if (method.equals("GET")) {
            Exchanges.json(exchange, 200, mode.get());
            return;
        }
        if (!method.equals("PUT")) {
            Exchanges.problem(exchange, 405, "Method not allowed", "GET or PUT");
            return;
        }
        StandInMode next;
        try {
            Map<String, Object> fields = Exchanges.JSON.readValue(Exchanges.body(exchange, MAX_REQUEST_BYTES),
                    new TypeReference<>() {
                    });
            next = Exchanges.JSON.convertValue(fields, StandInMode.class);
        } catch (Exchanges.TooLarge e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            Exchanges.problem(exchange, 400, "Invalid mode", "{delayMs >= 0, failRate 0..1, failNext >= 0,"
                    + " errorRate 0..1, hang, answerDelayMs >= 0}");
            return;
        }
        mode(next);
        Exchanges.json(exchange, 200, next);
    }

    private boolean authorized(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(header.substring(7).strip().getBytes(StandardCharsets.UTF_8),
                settings.token().getBytes(StandardCharsets.UTF_8));
    }

    /** Where outputs and self links point: the configured public URL, or the origin this request came in by. */
    private String base(HttpExchange exchange) {
        String configured = publicBase.get();
        if (configured != null) {
            return configured;
        }
        String host = exchange.getRequestHeaders().getFirst("Host");
        return host != null && HOST.matcher(host).matches() ? "http://" + host : url();
    }

    private static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
