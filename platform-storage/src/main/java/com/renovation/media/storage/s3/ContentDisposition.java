package com.renovation.media.storage.s3;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Content-Disposition values that survive any filename (RFC 6266 / 5987), for signed download URLs. */
final class ContentDisposition {
    private ContentDisposition() {
    }

    /** The browser may show the file in the page. */
    static String inline(String filename) {
        return "inline" + filenames(filename);
    }

    /** The browser saves the file instead of opening it in a tab on the storage origin. */
    static String attachment(String filename) {
        return "attachment" + filenames(filename);
    }

    private static String filenames(String filename) {
        String ascii = filename.replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "'").replace("\\", "_");
        String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
