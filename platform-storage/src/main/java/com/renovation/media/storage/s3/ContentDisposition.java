package com.renovation.media.storage.s3;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Content-Disposition values that survive any filename (RFC 6266 / 5987), for signed download URLs. */
final class ContentDisposition {
    private ContentDisposition() {
    }

    static String inline(String filename) {
        String ascii = filename.replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "'").replace("\\", "_");
        String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return "inline; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
