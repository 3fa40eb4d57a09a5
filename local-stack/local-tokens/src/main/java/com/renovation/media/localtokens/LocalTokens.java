package com.renovation.media.localtokens;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The local platform's token issuer: an RSA key made on first use under {@code <home>/jwt/}, and RS256 bearer
 * tokens the services accept in their "local" profile only (the prod profile needs a real issuer's keys, and
 * refuses to start with these). Used by {@code ./platform token} and by the console's local sign-in.
 */
public final class LocalTokens {

    public static final String ISSUER = "urn:media-platform:local";
    /** The audience the local services require (JWT_AUDIENCE), so a token minted for another use is refused. */
    public static final String AUDIENCE = "urn:media-platform:local-api";
    /** The services' roles claim (platform.security.roles-claim's default). */
    public static final String ROLES_CLAIM = "media_roles";
    /** The claim naming the user's plan (platform.plans.claim's default). */
    public static final String PLAN_CLAIM = "plan";
    /** Where the user's mail goes (OpenID Connect's claim): order-service keeps it as the user's contact. */
    public static final String EMAIL_CLAIM = "email";
    /** The user's display name (OpenID Connect's claim). */
    public static final String NAME_CLAIM = "name";
    /** The domain of made-up addresses: reserved for testing (RFC 2606), so no real mailbox ever gets one. */
    public static final String EMAIL_DOMAIN = "example.test";

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Path dir;

    /** The issuer whose keys live in {@code <home>/jwt/}. */
    public LocalTokens(Path home) {
        this.dir = home.resolve("jwt");
    }

    public Path publicKeyFile() {
        return dir.resolve("public.pem");
    }

    private Path privateKeyFile() {
        return dir.resolve("private.pem");
    }

    /** Makes the key pair unless it exists: tokens stay valid across restarts. */
    public void ensureKeys() throws Exception {
        if (Files.exists(privateKeyFile()) && Files.exists(publicKeyFile())) {
            return;
        }
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(privateKeyFile(), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.setPosixFilePermissions(privateKeyFile(), PosixFilePermissions.fromString("rw-------"));
        Files.writeString(publicKeyFile(), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    }

    /** A signed token for {@code user} (its subject), valid for {@code lifetime}. */
    public String token(String user, boolean admin, Duration lifetime) throws Exception {
        return token(user, admin, null, lifetime);
    }

    /** As {@link #token(String, boolean, Duration)}, naming the user's {@code plan} (null: no plan claim). */
    public String token(String user, boolean admin, String plan, Duration lifetime) throws Exception {
        return token(user, admin, plan, emailOf(user), lifetime);
    }

    /**
     * As {@link #token(String, boolean, String, Duration)}, with {@code email} as the user's address (the other
     * forms make one up with {@link #emailOf(String)}). Every token names the user ({@link #nameOf(String)}).
     */
    public String token(String user, boolean admin, String plan, String email, Duration lifetime) throws Exception {
        ensureKeys();
        Instant now = Instant.now();
        String roles = admin ? "[\"user\",\"admin\"]" : "[\"user\"]";
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"local\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":" + jsonString(user)
                + ",\"upn\":" + jsonString(user) + ",\"" + ROLES_CLAIM + "\":" + roles
                + (plan == null ? "" : ",\"" + PLAN_CLAIM + "\":" + jsonString(plan))
                + ",\"" + EMAIL_CLAIM + "\":" + jsonString(email)
                + ",\"" + NAME_CLAIM + "\":" + jsonString(nameOf(user))
                + ",\"iat\":" + now.getEpochSecond()
                + ",\"exp\":" + now.plus(lifetime).getEpochSecond() + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claims.getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(privateKey());
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + base64Url(signature.sign());
    }

    /** Whether {@code value} has the shape of a mail address (something@domain.tld). */
    public static boolean looksLikeEmail(String value) {
        return EMAIL.matcher(value).matches();
    }

    /**
     * The user's address: the user name itself when it is one, else {@code <name>@example.test} (lower case,
     * characters an address may not hold replaced by '-').
     */
    public static String emailOf(String user) {
        if (looksLikeEmail(user)) {
            return user;
        }
        String local = user.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._+-]", "-");
        return (local.isEmpty() ? "user" : local) + "@" + EMAIL_DOMAIN;
    }

    /** The user's display name: the user name, or an address's part before the '@'. */
    public static String nameOf(String user) {
        return looksLikeEmail(user) ? user.substring(0, user.indexOf('@')) : user;
    }

    private PrivateKey privateKey() throws Exception {
        String body = Files.readString(privateKeyFile()).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String jsonString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
