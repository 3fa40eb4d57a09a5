package com.renovation.media.storage.cdn;

import java.nio.charset.StandardCharsets;

/**
 * An object key as the path of a CDN URL. Every byte outside RFC 3986's unreserved characters is percent-encoded
 * (UTF-8), '/' kept, so the URL CloudFront receives is the one the policy names and its S3 origin decodes it back
 * to the key. Keys from {@code StoragePaths} are plain ASCII already; the catalog's and any future one need not be.
 */
final class CdnPaths {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private CdnPaths() {
    }

    /**
     * {@code /} followed by the encoded key.
     *
     * @throws IllegalArgumentException for a key a client or proxy would rewrite before it reached the origin: an
     *         empty, {@code .} or {@code ..} segment (normalised away, or another object), or a blank key
     */
    static String of(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("an object key is required");
        }
        StringBuilder path = new StringBuilder(key.length() + 8).append('/');
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("object key with an empty, '.' or '..' segment: not served");
            }
            if (path.length() > 1) {
                path.append('/');
            }
            for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xff;
                if (unreserved(c)) {
                    path.append((char) c);
                } else {
                    path.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
                }
            }
        }
        return path.toString();
    }

    private static boolean unreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                || c == '_' || c == '~';
    }
}
