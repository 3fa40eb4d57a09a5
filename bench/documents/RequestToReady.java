import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Estimate PDF, request → ready, on a running platform: POST /sessions/{id}/documents, then GET /documents/{id}
 * every 5 ms until it is ready (asset-service → document.requested → document-service renders and stores the
 * PDF → document.ready → asset-service). The first request is reported on its own (right after `./platform up`
 * it is the first the services see), then p50/p99 of the rest.
 * Usage: java RequestToReady.java <api> <token> <count>
 */
public class RequestToReady {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String ESTIMATE = "{\"documentType\":\"estimate_pdf\",\"title\":\"Kitchen estimate\",\"content\":{"
            + "\"currency\":\"EUR\",\"taxRate\":0.2,\"lines\":[{\"description\":\"Wall tiles\",\"quantity\":12.5,"
            + "\"unit\":\"m2\",\"unitPrice\":30},{\"description\":\"Labour\",\"quantity\":16,\"unit\":\"h\","
            + "\"unitPrice\":45},{\"description\":\"Grout and adhesive\",\"quantity\":1,\"unit\":\"lot\","
            + "\"unitPrice\":80}]}}";

    public static void main(String[] args) throws Exception {
        String api = args[0];
        String auth = "Bearer " + args[1];
        int count = Integer.parseInt(args[2]);
        String session = field(send(api + "/sessions", auth, "POST", "{\"title\":\"documents bench\"}"), "id");
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            String id = field(send(api + "/sessions/" + session + "/documents", auth, "POST", ESTIMATE), "id");
            while (true) {
                String status = field(send(api + "/documents/" + id, auth, "GET", null), "status");
                if (status.equals("ready")) {
                    break;
                }
                if (!status.equals("pending") || System.nanoTime() - start > 60_000_000_000L) {
                    throw new IllegalStateException("document " + id + " is " + status);
                }
                Thread.sleep(5);
            }
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        send(api + "/sessions/" + session, auth, "DELETE", null);
        long first = millis.get(0);
        List<Long> rest = new ArrayList<>(millis.subList(1, millis.size()));
        Collections.sort(rest);
        System.out.printf("estimate PDF, request → ready: first %d ms; then %d requests p50 %d ms, p99 %d ms%n",
                first, rest.size(), rest.get(rest.size() / 2),
                rest.get(Math.min(rest.size() - 1, (int) Math.ceil(0.99 * rest.size()) - 1)));
    }

    static String send(String url, String auth, String method, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth);
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
