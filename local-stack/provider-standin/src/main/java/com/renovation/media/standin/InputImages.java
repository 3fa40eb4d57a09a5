package com.renovation.media.standin;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Fetches a prediction's {@code input.image}: http(s) only, at most {@code maxBytes} (counted while reading, not
 * trusted from Content-Length), an image type only (declared type image/* or octet-stream, and bytes ImageIO
 * recognises), at most {@link #MAX_PIXELS} pixels by the header before any decoding (a decompression bomb).
 */
final class InputImages {

    /** Why an input was not usable: becomes the prediction's error. */
    static final class InputRefused extends Exception {
        InputRefused(String message) {
            super(message);
        }
    }

    static final long MAX_PIXELS = 40_000_000L;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final long maxBytes;

    InputImages(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    static URI checkedUrl(Object image) throws InputRefused {
        if (!(image instanceof String text) || text.isBlank()) {
            throw new InputRefused("input.image must be the URL of an image");
        }
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new InputRefused("input.image is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new InputRefused("input.image must be an http(s) URL");
        }
        return uri;
    }

    BufferedImage fetch(URI uri) throws InputRefused, InterruptedException {
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new InputRefused("input.image could not be fetched: " + e.getMessage());
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new InputRefused("input.image answered HTTP " + response.statusCode());
            }
            String type = response.headers().firstValue("Content-Type").orElse("application/octet-stream")
                    .toLowerCase(Locale.ROOT);
            if (!type.startsWith("image/") && !type.startsWith("application/octet-stream")) {
                throw new InputRefused("input.image is not an image (" + type + ")");
            }
            return decode(readLimited(body));
        } catch (IOException e) {
            throw new InputRefused("input.image could not be read: " + e.getMessage());
        }
    }

    private byte[] readLimited(InputStream body) throws IOException, InputRefused {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = body.read(buffer)) > 0) {
            total += n;
            if (total > maxBytes) {
                throw new InputRefused("input.image is larger than " + maxBytes + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    static BufferedImage decode(byte[] bytes) throws InputRefused {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new InputRefused("input.image is not an image type the provider reads");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) {
                    throw new InputRefused("input.image has " + pixels + " pixels, at most " + MAX_PIXELS);
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new InputRefused("input.image could not be decoded: " + e.getMessage());
        }
    }
}
