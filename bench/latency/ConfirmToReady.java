import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * confirm → ready latency on a running platform: uploads N photo-like JPEGs one after another and, for each,
 * measures from the confirm response until GET /assets/{id} reports every variant ready (polled every 10 ms).
 * Usage: java ConfirmToReady.java <api> <token> <count> <megapixels>
 */
public class ConfirmToReady {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        String api = args[0];
        String auth = "Bearer " + args[1];
        int count = Integer.parseInt(args[2]);
        double megapixels = Double.parseDouble(args[3]);
        byte[] photo = photo(megapixels);
        String session = field(post(api + "/sessions", auth, "{\"title\":\"latency bench\"}"), "id");
        String room = field(post(api + "/sessions/" + session + "/rooms", auth,
                "{\"name\":\"Bench\",\"roomType\":\"kitchen\"}"), "id");
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String ticket = post(api + "/assets/uploads", auth, "{\"roomId\":\"" + room + "\",\"assetType\":\"photo\","
                    + "\"filename\":\"bench.jpg\",\"contentType\":\"image/jpeg\",\"size\":" + photo.length + "}");
            String asset = field(ticket, "assetId");
            HTTP.send(HttpRequest.newBuilder(URI.create(field(ticket, "uploadUrl")))
                    .header("Content-Type", "image/jpeg").header("x-amz-acl", "private") // the ticket's signed headers
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(photo)).build(),
                    HttpResponse.BodyHandlers.discarding());
            post(api + "/assets/" + asset + "/confirm", auth, "");
            long start = System.nanoTime();
            while (!get(api + "/assets/" + asset, auth).contains("\"status\":\"ready\"")) {
                if (System.nanoTime() - start > 60_000_000_000L) {
                    throw new IllegalStateException("asset " + asset + " not ready after 60 s");
                }
                Thread.sleep(10);
            }
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        HTTP.send(HttpRequest.newBuilder(URI.create(api + "/sessions/" + session)).header("Authorization", auth)
                .DELETE().build(), HttpResponse.BodyHandlers.discarding());
        Collections.sort(millis);
        System.out.printf("confirm → ready, %d uploads of a %.0f MP JPEG (%d KB): p50 %d ms, p99 %d ms, max %d ms%n",
                count, megapixels, photo.length / 1024, pct(millis, 50), pct(millis, 99), millis.get(millis.size() - 1));
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
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
