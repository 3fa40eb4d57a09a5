import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * request-upload → PUT → confirm at a fixed arrival rate (open model: each operation's latency counts from its
 * scheduled start, so a slow server cannot hide queueing), spread round-robin over the users given (a bearer token
 * and a room of theirs each). Usage: java Load.java api rate seconds token roomId [token roomId ...]
 */
public class Load {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(64)).build();

    public static void main(String[] args) throws Exception {
        String api = args[0];
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        List<String[]> users = new ArrayList<>(); // {authorization, room}
        for (int i = 3; i + 1 < args.length; i += 2) {
            users.add(new String[]{"Bearer " + args[i], args[i + 1]});
        }
        byte[] source = jpeg();
        ConcurrentLinkedQueue<Long> request = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> confirm = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> whole = new ConcurrentLinkedQueue<>();
        Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(64);
        long start = System.nanoTime();
        long period = 1_000_000_000L / rate;
        int total = rate * seconds;
        for (int i = 0; i < total; i++) {
            long due = i * period;
            String auth = users.get(i % users.size())[0];
            String room = users.get(i % users.size())[1];
            byte[] jpeg = numbered(source, i);
            clock.schedule(() -> {
                long scheduled = start + due;
                try {
                    long t0 = System.nanoTime();
                    String ticket = send(api + "/assets/uploads", auth, "{\"roomId\":\"" + room + "\","
                            + "\"assetType\":\"photo\",\"filename\":\"load.jpg\",\"contentType\":\"image/jpeg\",\"size\":"
                            + jpeg.length + "}", 201);
                    request.add(System.nanoTime() - t0);
                    HttpResponse<Void> put = HTTP.send(HttpRequest.newBuilder(URI.create(field(ticket, "uploadUrl")))
                            .header("Content-Type", "image/jpeg").header("x-amz-acl", "private") // the ticket's signed headers
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(jpeg))
                            .build(), HttpResponse.BodyHandlers.discarding());
                    if (put.statusCode() != 200) {
                        throw new IllegalStateException("PUT " + put.statusCode());
                    }
                    long t1 = System.nanoTime();
                    send(api + "/assets/" + field(ticket, "assetId") + "/confirm", auth, "", 200);
                    long end = System.nanoTime();
                    confirm.add(end - t1);
                    whole.add(end - scheduled);
                    done.incrementAndGet();
                } catch (Exception e) {
                    errors.computeIfAbsent(e.getMessage() == null ? e.getClass().getSimpleName()
                            : e.getMessage().split("\n")[0], k -> new AtomicInteger()).incrementAndGet();
                }
            }, due, TimeUnit.NANOSECONDS);
        }
        clock.shutdown();
        clock.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("offered %d/s for %d s: %d operations completed, %.1f/s, errors %d %s%n", rate, seconds,
                done.get(), done.get() / elapsed, errors.values().stream().mapToInt(AtomicInteger::get).sum(),
                new TreeMap<>(errors));
        System.out.printf("  POST /assets/uploads      p50 %6.1f ms  p99 %6.1f ms%n", pct(request, 50), pct(request, 99));
        System.out.printf("  POST /assets/{id}/confirm p50 %6.1f ms  p99 %6.1f ms%n", pct(confirm, 50), pct(confirm, 99));
        System.out.printf("  request+PUT+confirm       p50 %6.1f ms  p99 %6.1f ms (from scheduled start)%n",
                pct(whole, 50), pct(whole, 99));
        System.exit(0);
    }

    static double pct(ConcurrentLinkedQueue<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    static String send(String url, String auth, String json, int expected) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(url.replaceAll("[0-9a-f-]{36}", "{id}") + " answered " + r.statusCode());
        }
        return r.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name);
        }
        return m.group(1);
    }

    static byte[] jpeg() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "jpg", out);
        return out.toByteArray();
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
