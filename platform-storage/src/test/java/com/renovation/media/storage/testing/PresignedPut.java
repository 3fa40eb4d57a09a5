package com.renovation.media.storage.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A client's PUT to a presigned upload URL, as a browser sends it, for the tests of every service that signs one. */
public final class PresignedPut {

    /** What {@link #put} answers when the server closed the connection instead of answering. */
    public static final int CLOSED_WITHOUT_ANSWER = -1;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private PresignedPut() {
    }

    /**
     * PUTs bytes to {@code url} with the headers the ticket names (Content-Length is the client's own); answers
     * the status, or {@link #CLOSED_WITHOUT_ANSWER} when the server refused by closing the connection (an S3
     * server may reject a bad signature before reading the body, and close it so as not to read it).
     */
    public static int put(String url, Map<String, String> headers, byte[] bytes) {
        return send(url, headers, bytes).status();
    }

    /** What S3 answered to a PUT: the status ({@link #CLOSED_WITHOUT_ANSWER} if none) and the ETag, if any. */
    public record Answer(int status, String etag) {
    }

    /** As {@link #put}, keeping the ETag too (a multipart upload's part is named by it when completing). */
    public static Answer send(String url, Map<String, String> headers, byte[] bytes) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("content-length")) {
                request.header(name, value);
            }
        });
        // The status is kept as soon as it arrives: a server that refuses may close the connection in the middle
        // of its own error body (S3Proxy does, now and then), and the refusal is the answer all the same.
        AtomicInteger status = new AtomicInteger(CLOSED_WITHOUT_ANSWER);
        HttpResponse.BodyHandler<Void> keepStatus = info -> {
            status.set(info.statusCode());
            return HttpResponse.BodySubscribers.discarding();
        };
        try {
            HttpResponse<Void> response = HTTP.send(request.build(), keepStatus);
            return new Answer(response.statusCode(), response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            if (status.get() != CLOSED_WITHOUT_ANSWER || String.valueOf(e.getMessage()).contains("received no bytes")) {
                return new Answer(status.get(), null);
            }
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
