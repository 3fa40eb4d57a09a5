package com.renovation.media.assets;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import com.renovation.media.storage.testing.PresignedPut;
import com.renovation.media.web.testing.TestTokens;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** Tokens, real image bytes and the upload steps a client performs, for the integration tests. */
public final class TestSupport {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestSupport() {
    }

    public static String token(String user) {
        return TestTokens.user(user);
    }

    public static String adminToken(String user) {
        return TestTokens.admin(user);
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(token(user)).contentType(ContentType.JSON);
    }

    public static String newUser() {
        return TestTokens.newUserId();
    }

    public static byte[] jpeg(int width, int height) {
        return encode(width, height, "jpg");
    }

    public static byte[] png(int width, int height) {
        return encode(width, height, "png");
    }

    private static final java.util.concurrent.atomic.AtomicInteger IMAGES = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A gradient whose first pixel differs from every earlier call's: each image is a file of its own, as a
     * person's photos are (a session refuses bytes it already holds).
     */
    private static byte[] encode(int width, int height, String format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
        g.fillRect(0, 0, width, height);
        g.dispose();
        int n = IMAGES.incrementAndGet();
        image.setRGB(0, 0, (n * 7919) & 0xFFFFFF);
        if (width > 1) {
            image.setRGB(1, 0, (n >>> 24) * 0x010101);
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A session and a room of the user: answers {sessionId, roomId}. */
    public static List<String> sessionWithRoom(String user) {
        String session = as(user).body(Map.of("title", "Kitchen remodel")).post("/sessions")
                .then().statusCode(201).extract().path("id");
        String room = as(user).body(Map.of("name", "Kitchen", "roomType", "kitchen"))
                .post("/sessions/" + session + "/rooms").then().statusCode(201).extract().path("id");
        return List.of(session, room);
    }

    public static Response requestUpload(String user, String roomId, String assetType, String filename,
            String contentType, long size) {
        return as(user).body(Map.of("roomId", roomId, "assetType", assetType, "filename", filename,
                "contentType", contentType, "size", size)).post("/assets/uploads");
    }

    /** As {@link PresignedPut#put}: the status, or {@link PresignedPut#CLOSED_WITHOUT_ANSWER}. */
    public static final int CLOSED_WITHOUT_ANSWER = PresignedPut.CLOSED_WITHOUT_ANSWER;

    /** PUTs bytes to a presigned URL with the headers the ticket names, as a browser would. */
    public static int put(Response ticket, byte[] bytes) {
        return PresignedPut.put(ticket.path("uploadUrl"), ticket.path("headers"), bytes);
    }

    /** The signed URL with its signature's first hex digit changed (always to another digit). */
    public static String withTamperedSignature(String signedUrl) {
        String marker = "X-Amz-Signature=";
        int at = signedUrl.indexOf(marker);
        if (at < 0) {
            throw new IllegalArgumentException("not a signed URL: " + signedUrl);
        }
        at += marker.length();
        char other = signedUrl.charAt(at) == '0' ? '1' : '0';
        return signedUrl.substring(0, at) + other + signedUrl.substring(at + 1);
    }

    /**
     * POSTs a JSON body announcing {@code Expect: 100-continue}, as clients sending large bodies do, and answers
     * the final status. The service may answer 413 from the Content-Length alone; the body is then never sent.
     * Sending it unannounced races the server, which closes the connection after its 413 (a broken pipe).
     * A plain socket because JDK 17's HttpClient cannot take a final answer to 100-continue (JDK-8286171).
     */
    public static int postAnnouncingBody(String user, String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token(user)
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            int status = statusOf(in.readLine());
            if (status == 100) {
                while (!in.readLine().isEmpty()) {
                    // the rest of the interim answer
                }
                socket.getOutputStream().write(body);
                status = statusOf(in.readLine());
            }
            return status;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int statusOf(String statusLine) {
        if (statusLine == null || !statusLine.startsWith("HTTP/1.1 ")) {
            throw new IllegalStateException("not an HTTP answer: " + statusLine);
        }
        return Integer.parseInt(statusLine.substring(9, 12));
    }

    public static HttpResponse<byte[]> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    private static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Request, PUT and confirm: answers the confirmed asset's id. */
    public static String upload(String user, String roomId, String assetType, String filename, String contentType,
            byte[] bytes) {
        Response ticket = requestUpload(user, roomId, assetType, filename, contentType, bytes.length);
        ticket.then().statusCode(201);
        if (put(ticket, bytes) != 200) {
            throw new IllegalStateException("PUT to the presigned URL failed");
        }
        String assetId = ticket.path("assetId");
        as(user).post("/assets/" + assetId + "/confirm").then().statusCode(200);
        return assetId;
    }
}
