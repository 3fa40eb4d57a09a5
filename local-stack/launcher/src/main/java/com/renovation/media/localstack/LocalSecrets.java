package com.renovation.media.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The shared secrets of one platform home, made on first use under {@code <home>/secrets/} and kept across restarts
 * (like the token keys): the stand-in provider and order-service are started separately, by the launcher or by a
 * test's fleet, and must agree on them. Nothing here is a production secret.
 */
public final class LocalSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;

    public LocalSecrets(Path home) {
        this.dir = home.resolve("secrets");
    }

    /** Signs the payment provider's webhooks (Stripe-Signature): the stand-in signs, order-service verifies. */
    public String paymentsWebhookSecret() {
        return secret("payments-webhook-secret", "whsec_local_");
    }

    /** The bearer token order-service sends to the processing provider and the stand-in expects. */
    public String providerToken() {
        return secret("provider-token", "r8_local_");
    }

    private String secret(String name, String prefix) {
        Path file = dir.resolve(name);
        try {
            if (!Files.exists(file)) {
                create(file, prefix + random());
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the local secret " + file, e);
        }
    }

    /**
     * Written whole to a temporary file first, then linked into place: a launcher and a test fleet starting at the
     * same time both end up reading the one value that won, never a half-written one.
     */
    private void create(Path file, String value) throws IOException {
        Files.createDirectories(dir);
        Path temporary = Files.createTempFile(dir, file.getFileName().toString(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temporary, value);
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException madeMeanwhile) {
            // the other writer's value stands
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
