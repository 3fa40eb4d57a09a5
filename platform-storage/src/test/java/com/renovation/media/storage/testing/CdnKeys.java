package com.renovation.media.storage.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A CloudFront-style key pair made for a test, and the checks CloudFront makes of a signed URL. */
public final class CdnKeys {

    private CdnKeys() {
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PKCS#8 PEM, as {@code openssl genpkey} writes it. */
    public static String pem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** The query parameters of a URL, in order, undecoded. */
    public static Map<String, String> query(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int q = url.indexOf('?');
        if (q >= 0) {
            for (String pair : url.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                parameters.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return parameters;
    }

    /**
     * What CloudFront does with a canned-policy URL: rebuild the policy from the URL without its signature
     * parameters and their expiry, and check the signature over it with the public key.
     */
    public static boolean verifies(String signedUrl, PublicKey key) {
        Map<String, String> query = query(signedUrl);
        String resource = signedUrl.substring(0, signedUrl.indexOf('?'));
        String policy = "{\"Statement\":[{\"Resource\":\"" + resource
                + "\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":" + query.get("Expires") + "}}}]}";
        byte[] signature = Base64.getDecoder().decode(
                query.get("Signature").replace('-', '+').replace('_', '=').replace('~', '/'));
        try {
            Signature verifier = Signature.getInstance("SHA1withRSA");
            verifier.initVerify(key);
            verifier.update(policy.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
