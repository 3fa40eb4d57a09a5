import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Drives uploads through a running platform while killing (-9) and letting the launcher restart, in turn,
 * asset-service, variant-worker, the Kafka broker and the S3 server; then checks that nothing was lost,
 * duplicated or orphaned. Run by bench/chaos/run.sh, which starts and stops a platform of its own.
 */
public class Chaos {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    static final List<String> VICTIMS = List.of("asset-service", "variant-worker", "kafka", "s3");

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        String api = "http://127.0.0.1:" + env.get("ASSET_SERVICE_PORT");
        String auth = "Bearer " + env.get("CHAOS_TOKEN");
        Path runDir = Path.of(env.get("PLATFORM_HOME"), "run");
        int uploads = Integer.parseInt(env.getOrDefault("CHAOS_UPLOADS", "1000"));
        int threads = Integer.parseInt(env.getOrDefault("CHAOS_THREADS", "8"));
        int killEvery = Integer.parseInt(env.getOrDefault("CHAOS_KILL_EVERY_S", "15"));
        long begin = System.nanoTime();

        String session = field(retry(() -> send(api + "/sessions", auth, "POST", "{\"title\":\"chaos\"}", 201)), "id");
        String room = field(retry(() -> send(api + "/sessions/" + session + "/rooms", auth, "POST",
                "{\"name\":\"Chaos\",\"roomType\":\"kitchen\"}", 201)), "id");

        AtomicBoolean uploading = new AtomicBoolean(true);
        List<String> kills = new ArrayList<>();
        Thread killer = new Thread(() -> {
            int turn = 0;
            while (uploading.get()) {
                sleep(killEvery * 1000L);
                if (!uploading.get()) {
                    break;
                }
                kill(runDir, VICTIMS.get(turn++ % VICTIMS.size()), kills);
            }
        }, "killer");
        killer.start();

        Set<String> confirmed = ConcurrentHashMap.newKeySet();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < uploads; i++) {
            int n = i;
            pool.submit(() -> {
                try {
                    confirmed.add(upload(api, auth, room, image(n)));
                } catch (Exception e) {
                    failed.incrementAndGet();
                    System.out.printf("  upload %d gave up: %s%n", n, e.getMessage());
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.HOURS);
        uploading.set(false);
        killer.join();
        System.out.printf("uploads confirmed: %d of %d (%d gave up) in %.0f s, kills: %s%n", confirmed.size(), uploads,
                failed.get(), (System.nanoTime() - begin) / 1e9, kills);

        // let the platform settle: every confirmed asset should become ready
        int expected = Integer.parseInt(env.getOrDefault("CHAOS_EXPECTED_VARIANTS", "4"));
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        do {
            sleep(2000);
            statuses(env, session);
        } while (System.nanoTime() < deadline && confirmed.stream().anyMatch(id -> !"ready".equals(statusOf(id))));
        check(env, session, confirmed, expected, uploads, begin);
    }

    static Map<String, String> lastStatuses = new HashMap<>();

    static String statusOf(String id) {
        return lastStatuses.get(id);
    }

    /** Reads every asset's status of the session into lastStatuses. */
    static void statuses(Map<String, String> env, String session) throws Exception {
        Map<String, String> result = new HashMap<>();
        try (Connection db = db(env); PreparedStatement q = db.prepareStatement(
                "SELECT id::text, status FROM assets.room_assets WHERE session_id = ?::uuid")) {
            q.setString(1, session);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        lastStatuses = result;
    }

    static void check(Map<String, String> env, String session, Set<String> confirmed, int expected, int submitted,
            long begin) throws Exception {
        Map<String, String> assetKeys = new HashMap<>();
        Set<String> variantKeys = new HashSet<>();
        int duplicates = 0;
        try (Connection db = db(env)) {
            try (PreparedStatement q = db.prepareStatement("SELECT id::text, storage_path FROM assets.room_assets"
                    + " WHERE session_id = ?::uuid AND status <> 'pending'")) {
                q.setString(1, session);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        assetKeys.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            Array ids = db.createArrayOf("uuid", confirmed.toArray());
            try (PreparedStatement q = db.prepareStatement("SELECT source_id::text, count(*), count(DISTINCT storage_path)"
                    + " FROM variants.variants WHERE source_id = ANY(?) GROUP BY source_id")) {
                q.setArray(1, ids);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        duplicates += Math.max(0, rs.getInt(2) - expected);
                    }
                }
            }
            try (PreparedStatement q = db.prepareStatement("SELECT storage_path FROM variants.variants"
                    + " WHERE source_id = ANY(?) AND storage_path IS NOT NULL")) {
                q.setArray(1, ids);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        variantKeys.add(rs.getString(1));
                    }
                }
            }
        }
        Set<String> objects = new HashSet<>();
        try (S3Client s3 = S3Client.builder().endpointOverride(URI.create(env.get("S3_ENDPOINT")))
                .region(Region.US_EAST_1).forcePathStyle(true).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        "local-access-key", "local-secret-key"))).build()) {
            s3.listObjectsV2Paginator(b -> b.bucket("user-uploads").prefix("session_" + session + "/")).contents()
                    .forEach(o -> objects.add(o.key()));
        }
        Set<String> rowKeys = new HashSet<>(assetKeys.values());
        rowKeys.addAll(variantKeys);
        long orphans = objects.stream().filter(k -> !rowKeys.contains(k)).count();
        long missingObjects = rowKeys.stream().filter(k -> !objects.contains(k)).count();
        long ready = confirmed.stream().filter(id -> "ready".equals(statusOf(id))).count();
        long lost = confirmed.size() - ready;
        System.out.printf("submitted %d, confirmed %d, ready %d, lost %d, duplicates %d, orphans %d,"
                + " rows without object %d, elapsed %.0f s%n", submitted, confirmed.size(), ready, lost, duplicates,
                orphans, missingObjects, (System.nanoTime() - begin) / 1e9);
        if (lost > 0 || duplicates > 0 || orphans > 0 || missingObjects > 0) {
            System.exit(1);
        }
    }

    static Connection db(Map<String, String> env) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + env.get("PG_PORT") + "/media",
                "postgres", "postgres");
    }

    /** Request, PUT, confirm: each step retried through outages, as a real client would. */
    static String upload(String api, String auth, String room, byte[] jpeg) throws Exception {
        String ticket = retry(() -> send(api + "/assets/uploads", auth, "POST", "{\"roomId\":\"" + room
                + "\",\"assetType\":\"photo\",\"filename\":\"chaos.jpg\",\"contentType\":\"image/jpeg\",\"size\":"
                + jpeg.length + "}", 201));
        String asset = field(ticket, "assetId");
        String url = field(ticket, "uploadUrl");
        retry(() -> {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "image/jpeg").header("x-amz-acl", "private") // the ticket's signed headers
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(jpeg)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("PUT " + r.statusCode());
            }
            return "";
        });
        retry(() -> send(api + "/assets/" + asset + "/confirm", auth, "POST", "", 200));
        return asset;
    }

    /** Kills -9 the process the launcher started for {@code victim} (its pid file), noting it in {@code kills}. */
    static void kill(Path runDir, String victim, List<String> kills) {
        try {
            long pid = Long.parseLong(Files.readString(runDir.resolve(victim + ".pid")).strip());
            new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
            synchronized (kills) {
                kills.add(victim);
            }
            System.out.printf("  killed %s (pid %d)%n", victim, pid);
        } catch (Exception e) {
            System.out.printf("  could not kill %s: %s%n", victim, e.getMessage());
        }
    }

    interface Step {
        String run() throws Exception;
    }

    static String retry(Step step) throws Exception {
        Exception last = null;
        for (int attempt = 0; attempt < 120; attempt++) {
            try {
                return step.run();
            } catch (Exception e) {
                last = e;
                sleep(500);
            }
        }
        throw last;
    }

    static String send(String url, String auth, String method, String json, int expected) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** A small distinct JPEG per upload. */
    static byte[] image(int n) throws Exception {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(n * 37 % 256, n * 91 % 256, n * 53 % 256));
        g.fillRect(0, 0, 320, 240);
        g.setColor(Color.WHITE);
        g.drawString("upload " + n, 20, 120);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
