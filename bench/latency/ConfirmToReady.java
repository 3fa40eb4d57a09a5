import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * confirm → ready latency on a running platform: uploads N photo-like JPEGs one after another and, for each,
 * measures from the confirm response until the caller learns the asset is ready: by default as the web console
 * does, from the asset.ready event on its live channel (GET /events, Server-Sent Events); with {@code -Dpoll.ms}
 * set, by asking GET /assets/{id} that often instead (which is itself load: every 5 ms is ~200 requests/s).
 * Then the hops, from the events' own timestamps (one machine, one clock): the confirm's
 * transaction (the event's time) → asset-service's relay publishing asset.confirmed (its Kafka timestamp) →
 * variant-worker's transaction
 * recording the last web variant (that variant.ready's time: consumer poll, S3 read, render, S3 writes) → the
 * worker's relay publishing it → asset-service's projection, seen by the caller; and the worker's mean render
 * time from its metrics.
 * Usage: java -cp KAFKA_CLIENTS ConfirmToReady.java <api> <token> <count> <megapixels> <kafka> <worker-metrics-url>
 */
public class ConfirmToReady {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        String api = args[0];
        String auth = "Bearer " + args[1];
        int count = Integer.parseInt(args[2]);
        double megapixels = Double.parseDouble(args[3]);
        byte[] source = photo(megapixels);
        String session = field(post(api + "/sessions", auth, "{\"title\":\"latency bench\"}"), "id");
        String room = field(post(api + "/sessions/" + session + "/rooms", auth,
                "{\"name\":\"Bench\",\"roomType\":\"kitchen\"}"), "id");
        List<Long> millis = new ArrayList<>();
        Map<String, long[]> seen = new LinkedHashMap<>(); // asset → {confirm response, ready seen}
        double[] renderBefore = renderSeconds(args[5]);
        Long pollMillis = Long.getLong("poll.ms");
        LiveChannel live = pollMillis == null ? LiveChannel.open(api, auth) : null;
        for (int i = 0; i < count; i++) {
            byte[] photo = numbered(source, i);
            String ticket = post(api + "/assets/uploads", auth, "{\"roomId\":\"" + room + "\",\"assetType\":\"photo\","
                    + "\"filename\":\"bench.jpg\",\"contentType\":\"image/jpeg\",\"size\":" + photo.length + "}");
            String asset = field(ticket, "assetId");
            HTTP.send(HttpRequest.newBuilder(URI.create(field(ticket, "uploadUrl")))
                    .header("Content-Type", "image/jpeg").header("x-amz-acl", "private") // the ticket's signed headers
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(photo)).build(),
                    HttpResponse.BodyHandlers.discarding());
            post(api + "/assets/" + asset + "/confirm", auth, "");
            long confirmed = System.currentTimeMillis();
            long start = System.nanoTime();
            if (live != null) {
                live.awaitReady(asset, Duration.ofSeconds(60));
            } else {
                while (!get(api + "/assets/" + asset, auth).contains("\"status\":\"ready\"")) {
                    if (System.nanoTime() - start > 60_000_000_000L) {
                        throw new IllegalStateException("asset " + asset + " not ready after 60 s");
                    }
                    Thread.sleep(pollMillis);
                }
            }
            millis.add((System.nanoTime() - start) / 1_000_000);
            seen.put(asset, new long[]{confirmed, System.currentTimeMillis()});
        }
        double[] renderAfter = renderSeconds(args[5]);
        HTTP.send(HttpRequest.newBuilder(URI.create(api + "/sessions/" + session)).header("Authorization", auth)
                .DELETE().build(), HttpResponse.BodyHandlers.discarding());
        Collections.sort(millis);
        System.out.printf("confirm → ready, %d uploads of a %.0f MP JPEG (%d KB), %s: p50 %d ms, p99 %d ms,"
                + " max %d ms%n", count, megapixels, source.length / 1024,
                live != null ? "seen on the live channel" : "polled every " + pollMillis + " ms", pct(millis, 50),
                pct(millis, 99), millis.get(millis.size() - 1));
        hops(args[4], seen);
        if (renderAfter[0] > renderBefore[0]) {
            System.out.printf("worker render (decode, resize, encode JPEG + WebP), mean of %.0f: %.0f ms%n",
                    renderAfter[0] - renderBefore[0],
                    1000 * (renderAfter[1] - renderBefore[1]) / (renderAfter[0] - renderBefore[0]));
        }
    }

    /** The caller's Server-Sent Events stream, read on a thread of its own: when each asset's asset.ready came. */
    record LiveChannel(Map<String, CountDownLatch> ready) {

        static LiveChannel open(String api, String auth) throws Exception {
            LiveChannel channel = new LiveChannel(new ConcurrentHashMap<>());
            CountDownLatch opened = new CountDownLatch(1);
            HttpResponse<Stream<String>> response = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/events"))
                    .header("Authorization", auth).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofLines());
            Thread reader = new Thread(() -> {
                String event = null;
                for (String line : (Iterable<String>) response.body()::iterator) {
                    if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                        if (event.equals("stream.ready")) {
                            opened.countDown();
                        }
                    } else if (line.startsWith("data:") && "asset.ready".equals(event)) {
                        channel.latch(field(line, "assetId")).countDown();
                    } else if (line.isEmpty()) {
                        event = null;
                    }
                }
            }, "live-channel");
            reader.setDaemon(true);
            reader.start();
            if (!opened.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the live channel sent no stream.ready within 10 s");
            }
            return channel;
        }

        CountDownLatch latch(String asset) {
            return ready.computeIfAbsent(asset, ignored -> new CountDownLatch(1));
        }

        void awaitReady(String asset, Duration timeout) throws InterruptedException {
            if (!latch(asset).await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("asset " + asset + " not ready after " + timeout.toSeconds() + " s");
            }
        }
    }

    /** Per-hop medians from the events' timestamps; see the class comment. */
    static void hops(String kafka, Map<String, long[]> seen) {
        Map<String, long[]> confirmed = new HashMap<>(); // asset → {event time, kafka timestamp}
        Map<String, long[]> ready = new HashMap<>();     // asset → latest web variant's {event time, kafka timestamp}
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka);
        props.put("key.deserializer", StringDeserializer.class.getName());
        props.put("value.deserializer", StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            for (String topic : List.of("asset.confirmed", "variant.ready")) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        String subject = record.key();
                        if (subject == null || !seen.containsKey(subject)) {
                            continue;
                        }
                        long time = Instant.parse(field(record.value(), "time")).toEpochMilli();
                        if (topic.equals("asset.confirmed")) {
                            confirmed.put(subject, new long[]{time, record.timestamp()});
                        } else if (!record.value().matches("(?s).*\"format\"\\s*:\\s*\"avif\".*")) {
                            ready.merge(subject, new long[]{time, record.timestamp()},
                                    (a, b) -> a[0] >= b[0] ? a : b);
                        }
                    }
                }
            }
        }
        List<Long> confirmCommit = new ArrayList<>(), relay = new ArrayList<>(), worker = new ArrayList<>(),
                workerRelay = new ArrayList<>(), projection = new ArrayList<>();
        for (Map.Entry<String, long[]> asset : seen.entrySet()) {
            long[] c = confirmed.get(asset.getKey());
            long[] r = ready.get(asset.getKey());
            if (c == null || r == null) {
                continue;
            }
            confirmCommit.add(asset.getValue()[0] - c[0]);
            relay.add(c[1] - c[0]);
            worker.add(r[0] - c[1]);
            workerRelay.add(r[1] - r[0]);
            projection.add(asset.getValue()[1] - r[1]);
        }
        System.out.printf("hops, medians of %d (ms): confirm event → response %d | asset relay %d | worker (poll, read,"
                        + " render, store, record) %d | worker relay %d | projection + seen %d%n", relay.size(),
                median(confirmCommit), median(relay), median(worker), median(workerRelay), median(projection));
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
    }

    /** {count, total seconds} of the worker's variants.render timer of the renders that make ready, from its Prometheus endpoint. */
    static double[] renderSeconds(String metricsUrl) throws Exception {
        String text = HTTP.send(HttpRequest.newBuilder(URI.create(metricsUrl)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double count = 0;
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("variants_render_seconds_count{") && line.contains("pass=\"ready\"")) {
                count = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            } else if (line.startsWith("variants_render_seconds_sum{") && line.contains("pass=\"ready\"")) {
                sum = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return new double[]{count, sum};
    }

    static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** Gradient plus noise: compresses like a photo, not like a flat test card. */
    static byte[] photo(double megapixels) throws Exception {
        int width = (int) Math.sqrt(megapixels * 1e6 * 4 / 3);
        int height = width * 3 / 4;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(200, 170, 120), width, height, new Color(60, 80, 110)));
        g.fillRect(0, 0, width, height);
        g.dispose();
        Random random = new Random(1);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y);
                int n = random.nextInt(24) - 12;
                int r = clamp(((rgb >> 16) & 255) + n), gr = clamp(((rgb >> 8) & 255) + n), b = clamp((rgb & 255) + n);
                image.setRGB(x, y, r << 16 | gr << 8 | b);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    static String post(String url, String auth, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String get(String url, String auth) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    /** The JPEG with a comment numbering it: each upload a file of its own (a session holds one copy of any bytes). */
    static byte[] numbered(byte[] jpeg, long n) {
        byte[] text = ("upload " + n).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] out = new byte[jpeg.length + 4 + text.length];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xD8;
        out[2] = (byte) 0xFF;
        out[3] = (byte) 0xFE; // COM
        out[4] = (byte) ((text.length + 2) >> 8);
        out[5] = (byte) (text.length + 2);
        System.arraycopy(text, 0, out, 6, text.length);
        System.arraycopy(jpeg, 2, out, 6 + text.length, jpeg.length - 2);
        return out;
    }
}
