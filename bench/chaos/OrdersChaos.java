import com.renovation.media.contracts.webhooks.WebhookSignature;
import com.renovation.media.localstack.LocalSecrets;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A batch of paid orders processed while order-service and the provider stand-in are killed (-9) in turn and
 * restarted by the launcher; then checks that every paid order ended (completed, partially_failed or failed,
 * never stuck), that no job ran twice at the provider (one prediction per idempotency key, one per job), that
 * each completed job made exactly one asset, and that no mail reached the SMTP server twice. Run by
 * bench/chaos/orders.sh, which starts and stops a platform of its own. Shares Chaos.java's HTTP helpers (the
 * JDK's multi-file source launcher compiles both).
 */
public class OrdersChaos {
    static final List<String> VICTIMS = List.of("order-service", "provider-standin");
    static final Pattern PREDICTION_KEY = Pattern.compile("\"idempotencyKey\":\"job-([0-9a-f-]{36})-attempt-(\\d+)\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        String api = "http://127.0.0.1:" + env.get("ASSET_SERVICE_PORT");
        String orders = "http://127.0.0.1:" + env.get("ORDER_SERVICE_PORT");
        String auth = "Bearer " + env.get("CHAOS_TOKEN");
        Path home = Path.of(env.get("PLATFORM_HOME"));
        int orderCount = Integer.parseInt(env.getOrDefault("CHAOS_ORDERS", "100"));
        int photoCount = Integer.parseInt(env.getOrDefault("CHAOS_PHOTOS", "10"));
        int killEvery = Integer.parseInt(env.getOrDefault("CHAOS_KILL_EVERY_S", "20"));
        int killCount = Integer.parseInt(env.getOrDefault("CHAOS_KILLS", "8"));
        long begin = System.nanoTime();

        String session = Chaos.field(Chaos.retry(() -> Chaos.send(api + "/sessions", auth, "POST",
                "{\"title\":\"orders chaos\"}", 201)), "id");
        String room = Chaos.field(Chaos.retry(() -> Chaos.send(api + "/sessions/" + session + "/rooms", auth,
                "POST", "{\"name\":\"Chaos\",\"roomType\":\"kitchen\"}", 201)), "id");
        List<String> photos = new ArrayList<>();
        for (int i = 0; i < photoCount; i++) {
            photos.add(Chaos.upload(api, auth, room, Chaos.image(i)));
        }

        // the orders, each of one photo: restorations and renders in turn (retried until order-service's
        // projection knows the photos)
        List<String> ids = new ArrayList<>();
        Map<String, String> totals = new HashMap<>();
        for (int i = 0; i < orderCount; i++) {
            String body = "{\"sessionId\":\"" + session + "\",\"items\":[{\"assetId\":\"" + photos.get(i % photoCount)
                    + "\",\"service\":\"" + (i % 2 == 0 ? "restoration" : "render") + "\"}]}";
            String order = Chaos.retry(() -> Chaos.send(orders + "/orders", auth, "POST", body, 201));
            String id = Chaos.field(order, "id");
            ids.add(id);
            totals.put(id, Chaos.field(order, "total"));
        }
        System.out.printf("%d photos, %d orders made in %.0f s%n", photoCount, orderCount, seconds(begin));

        AtomicBoolean running = new AtomicBoolean(true);
        List<String> kills = new ArrayList<>();
        Thread killer = new Thread(() -> {
            int turn = 0;
            while (running.get() && turn < killCount) {
                Chaos.sleep(killEvery * 1000L);
                if (running.get()) {
                    Chaos.kill(home.resolve("run"), VICTIMS.get(turn++ % VICTIMS.size()), kills);
                }
            }
        }, "killer");
        killer.start();

        // every order paid, as the payment provider would: one event id per order, redelivered until answered
        String secret = new LocalSecrets(home).paymentsWebhookSecret();
        for (String id : ids) {
            String event = "{\"id\":\"evt_" + UUID.randomUUID().toString().replace("-", "") + "\",\"type\":"
                    + "\"payment_succeeded\",\"created\":" + Instant.now().getEpochSecond() + ",\"data\":{\"orderId\":\""
                    + id + "\",\"amount\":\"" + totals.get(id) + "\",\"currency\":\"EUR\",\"paymentId\":\"pi_" + id
                    .replace("-", "") + "\"}}";
            Chaos.retry(() -> pay(orders, secret, event));
        }
        System.out.printf("%d orders paid at %.0f s%n", orderCount, seconds(begin));

        Map<String, Integer> statuses = Map.of();
        long deadline = System.nanoTime() + Duration.ofMinutes(Integer.parseInt(env.getOrDefault("CHAOS_WAIT_MIN",
                "15"))).toNanos();
        while (System.nanoTime() < deadline) {
            statuses = orderStatuses(env, ids);
            if (statuses.getOrDefault("processing", 0) == 0 && statuses.getOrDefault("pending_payment", 0) == 0) {
                break;
            }
            Chaos.sleep(3000);
        }
        running.set(false);
        killer.join();
        System.out.printf("orders %s at %.0f s, kills: %s%n", statuses, seconds(begin), kills);
        Chaos.sleep(15_000); // the last mails and asset confirmations
        check(env, home, session, ids, statuses, begin);
    }

    static String pay(String orders, String secret, String event) throws Exception {
        HttpResponse<String> r = Chaos.HTTP.send(HttpRequest.newBuilder(URI.create(orders + "/webhooks/payments"))
                .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                .header(WebhookSignature.PAYMENT_HEADER, WebhookSignature.header(secret, Instant.now(), event))
                .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.body().contains("\"applied\"")) {
            throw new IllegalStateException("payment answered " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static Map<String, Integer> orderStatuses(Map<String, String> env, List<String> ids) throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        try (Connection db = Chaos.db(env); PreparedStatement q = db.prepareStatement(
                "SELECT status, count(*) FROM orders.orders WHERE id = ANY(?) GROUP BY status")) {
            q.setArray(1, db.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return counts;
    }

    static void check(Map<String, String> env, Path home, String session, List<String> ids,
            Map<String, Integer> statuses, long begin) throws Exception {
        int stuck = statuses.getOrDefault("processing", 0) + statuses.getOrDefault("pending_payment", 0);
        Map<String, Integer> jobs = new TreeMap<>();
        int completedJobs;
        int outputs;
        int mailsSent;
        try (Connection db = Chaos.db(env)) {
            Array orderIds = db.createArrayOf("uuid", ids.toArray());
            try (PreparedStatement q = db.prepareStatement("SELECT status, count(*) FROM orders.jobs"
                    + " WHERE order_id = ANY(?) GROUP BY status")) {
                q.setArray(1, orderIds);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        jobs.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            completedJobs = jobs.getOrDefault("completed", 0);
            outputs = count(db, "SELECT count(*) FROM assets.room_assets WHERE session_id = ?::uuid"
                    + " AND parent_asset_id IS NOT NULL AND status <> 'pending'", session);
            mailsSent = count(db, "SELECT count(*) FROM orders.notifications WHERE status = 'sent'"
                    + " AND to_email = ?", env.get("CHAOS_EMAIL"));
        }

        // the provider's own record: every prediction it ever made, with the key it was made under
        Map<String, Integer> perKey = new HashMap<>();
        Map<String, Integer> perJob = new HashMap<>();
        try (Stream<Path> files = Files.list(home.resolve("provider-standin/predictions"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                Matcher m = PREDICTION_KEY.matcher(Files.readString(file));
                if (m.find()) {
                    perKey.merge(m.group(1) + "/" + m.group(2), 1, Integer::sum);
                    perJob.merge(m.group(1), 1, Integer::sum);
                }
            }
        }
        long keysTwice = perKey.values().stream().filter(n -> n > 1).count();
        long jobsTwice = perJob.values().stream().filter(n -> n > 1).count();

        // the SMTP server's own record: every mail it received for the chaos user, by Message-ID
        String mails = Chaos.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + env.get("SMTP_API_PORT")
                + "/api/user/" + env.get("CHAOS_EMAIL") + "/messages/")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Integer> perMessageId = new HashMap<>();
        Matcher m = Pattern.compile("\"Message-ID\":\"([^\"]+)\"").matcher(mails);
        while (m.find()) {
            perMessageId.merge(m.group(1), 1, Integer::sum);
        }
        long mailsTwice = perMessageId.values().stream().filter(n -> n > 1).count();

        System.out.printf("orders %d: %s, stuck %d; jobs %s; predictions %d for %d jobs, keys run twice %d,"
                + " jobs run twice %d; outputs %d for %d completed jobs; mails received %d (sent per the queue %d),"
                + " received twice %d; elapsed %.0f s%n", ids.size(), statuses, stuck, jobs,
                perKey.values().stream().mapToInt(Integer::intValue).sum(), perJob.size(), keysTwice, jobsTwice,
                outputs, completedJobs, perMessageId.size(), mailsSent, mailsTwice, seconds(begin));
        if (stuck > 0 || keysTwice > 0 || jobsTwice > 0 || outputs != completedJobs || mailsTwice > 0
                || perMessageId.size() != mailsSent) {
            System.exit(1);
        }
    }

    static int count(Connection db, String sql, String parameter) throws Exception {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            q.setString(1, parameter);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
