import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One large file through the platform's upload in parts, as a client does it: POST /assets/uploads (a video, so
 * up to 1 GB), every part PUT to its presigned URL by {@code streams} connections at once, then the confirm (S3
 * joins the parts at the asset's own key, which the platform then inspects). Prints the seconds of each step.
 *   java UploadThroughput.java API TOKEN FILE STREAMS
 */
public class UploadThroughput {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        String api = args[0];
        String auth = "Bearer " + args[1];
        Path file = Path.of(args[2]);
        int streams = Integer.parseInt(args[3]);
        long size = file.toFile().length();

        String session = post(api + "/sessions", auth, Map.of("title", "upload throughput bench")).get("id").asText();
        String room = post(api + "/sessions/" + session + "/rooms", auth, Map.of("name", "Site walk", "roomType",
                "other")).get("id").asText();
        try {
            long started = System.nanoTime();
            JsonNode ticket = post(api + "/assets/uploads", auth, Map.of("roomId", room, "assetType", "video",
                    "filename", "site-walk.mp4", "contentType", "video/mp4", "size", size));
            long requested = System.nanoTime();
            Map<Integer, String> etags = sendParts(file, ticket, streams);
            long sent = System.nanoTime();
            List<Map<String, Object>> parts = new ArrayList<>();
            etags.forEach((n, etag) -> parts.add(Map.of("partNumber", n, "etag", etag)));
            JsonNode confirmed = post(api + "/assets/" + ticket.get("assetId").asText() + "/confirm", auth,
                    Map.of("parts", parts));
            long done = System.nanoTime();
            System.out.printf("ours: parts=%d part_mb=%d streams=%d request_s=%.2f parts_s=%.2f confirm_s=%.2f"
                    + " total_s=%.3f status=%s%n", parts.size(), ticket.get("partSize").asLong() >> 20, streams,
                    seconds(started, requested), seconds(requested, sent), seconds(sent, done),
                    seconds(started, done), confirmed.get("status").asText());
        } finally {
            HTTP.send(HttpRequest.newBuilder(URI.create(api + "/sessions/" + session)).header("Authorization", auth)
                    .DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    /** Every part of the ticket, {@code streams} at a time, each read from its slice of the file. */
    private static Map<Integer, String> sendParts(Path file, JsonNode ticket, int streams) throws Exception {
        Map<Integer, String> etags = new ConcurrentHashMap<>();
        long partSize = ticket.get("partSize").asLong();
        ExecutorService pool = Executors.newFixedThreadPool(streams);
        try {
            List<Future<?>> sends = new ArrayList<>();
            for (JsonNode part : ticket.get("parts")) {
                sends.add(pool.submit(() -> {
                    int number = part.get("partNumber").asInt();
                    etags.put(number, put(part, file, (number - 1) * partSize, part.get("size").asLong()));
                    return null;
                }));
            }
            for (Future<?> send : sends) {
                send.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new java.util.TreeMap<>(etags);
    }

    private static String put(JsonNode part, Path file, long offset, long length) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(part.get("url").asText()))
                .timeout(Duration.ofMinutes(5)).PUT(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> slice(file, offset, length)), length));
        part.get("headers").properties().forEach(h -> {
            if (!h.getKey().equalsIgnoreCase("content-length") && !h.getKey().equalsIgnoreCase("host")) {
                request.header(h.getKey(), h.getValue().asText());
            }
        });
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("part " + part.get("partNumber") + ": " + answer.statusCode() + " "
                    + answer.body());
        }
        return answer.headers().firstValue("ETag").orElseThrow();
    }

    private static InputStream slice(Path file, long offset, long length) {
        try {
            FileChannel channel = new RandomAccessFile(file.toFile(), "r").getChannel().position(offset);
            InputStream whole = Channels.newInputStream(channel);
            return new InputStream() {
                private long left = length;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
                }

                @Override
                public int read(byte[] buffer, int from, int count) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int read = whole.read(buffer, from, (int) Math.min(count, left));
                    if (read > 0) {
                        left -= read;
                    }
                    return read;
                }

                @Override
                public void close() throws IOException {
                    whole.close();
                }
            };
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode post(String url, String auth, Object body) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + ": " + answer.statusCode() + " " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
