package com.renovation.media.storage.cdn;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** An RSA private key from PEM text. Messages say what is wrong with the text, never what it holds. */
final class PemKeys {

    /** CloudFront takes RSA keys of 2048 bits; a smaller one is refused here rather than at the edge. */
    static final int MIN_BITS = 2048;
    private static final String PKCS8 = "PRIVATE KEY";

    private PemKeys() {
    }

    static RSAPrivateKey rsaPrivateKey(String pem, String source) {
        String type = armour(pem);
        if (type == null) {
            throw new IllegalArgumentException(source + " is not PEM (no -----BEGIN ...----- line)");
        }
        if (!type.equals(PKCS8)) {
            throw new IllegalArgumentException(source + " is a PEM \"" + type + "\"; an unencrypted PKCS#8 \""
                    + PKCS8 + "\" is needed: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem");
        }
        int from = pem.indexOf("-----BEGIN " + PKCS8 + "-----") + 16 + PKCS8.length();
        int to = pem.indexOf("-----END " + PKCS8 + "-----", from);
        if (to < 0) {
            throw new IllegalArgumentException(source + " has no -----END " + PKCS8 + "----- line");
        }
        String body = pem.substring(from, to);
        java.security.PrivateKey key;
        try {
            byte[] der = Base64.getMimeDecoder().decode(body.strip());
            key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // not chained: a parser's message could quote the bytes
            throw new IllegalArgumentException(source + " is not a readable RSA private key in PKCS#8");
        }
        if (!(key instanceof RSAPrivateKey rsa)) {
            throw new IllegalArgumentException(source + " is not an RSA key");
        }
        if (rsa.getModulus().bitLength() < MIN_BITS) {
            throw new IllegalArgumentException(source + " is an RSA key of " + rsa.getModulus().bitLength()
                    + " bits; CloudFront takes " + MIN_BITS);
        }
        return rsa;
    }

    /** The type of the first {@code -----BEGIN type-----} line, or null. */
    private static String armour(String pem) {
        int begin = pem.indexOf("-----BEGIN ");
        int end = begin < 0 ? -1 : pem.indexOf("-----", begin + 11);
        return end < 0 ? null : pem.substring(begin + 11, end);
    }
}
