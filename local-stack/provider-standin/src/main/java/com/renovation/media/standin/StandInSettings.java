package com.renovation.media.standin;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * How a stand-in runs. As a process it reads them from the environment ({@link #fromEnvironment}):
 * <ul>
 * <li>{@code STANDIN_PORT} (default 59300; 0 = any free port)</li>
 * <li>{@code STANDIN_DATA_DIR} (default {@code ./.standin}): predictions (one JSON file each) and their outputs, so
 * a stand-in killed and started again keeps them and resumes the unfinished ones</li>
 * <li>{@code STANDIN_TOKEN} (default {@code standin-local-token}): the bearer token the prediction API expects</li>
 * <li>{@code STANDIN_PAYMENT_WEBHOOK_URL} (no default: the checkout's Pay button answers 503 without it) and
 * {@code STANDIN_PAYMENT_SECRET} (default {@code whsec_local_only}): where and how signed payment events go</li>
 * <li>{@code STANDIN_PUBLIC_URL} (optional): the base of output URLs; without it they are built from the Host header
 * the prediction was read through, so a client reaches the output the way it reached the API</li>
 * <li>{@code STANDIN_MAX_INPUT_BYTES} (default 20 MiB): the largest input image fetched</li>
 * </ul>
 */
public record StandInSettings(int port, Path dataDir, String token, Optional<URI> paymentWebhookUrl,
        String paymentSecret, Optional<String> publicBaseUrl, long maxInputBytes) {

    public static final int DEFAULT_PORT = 59300;
    public static final String DEFAULT_TOKEN = "standin-local-token";
    public static final String DEFAULT_PAYMENT_SECRET = "whsec_local_only";
    public static final long DEFAULT_MAX_INPUT_BYTES = 20L * 1024 * 1024;

    public StandInSettings {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the stand-in needs a bearer token");
        }
        publicBaseUrl = publicBaseUrl.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    /** Any free port, the default token and secret, no payment webhook: what most tests want. */
    public static StandInSettings forTests(Path dataDir) {
        return new StandInSettings(0, dataDir, DEFAULT_TOKEN, Optional.empty(), DEFAULT_PAYMENT_SECRET,
                Optional.empty(), DEFAULT_MAX_INPUT_BYTES);
    }

    public StandInSettings withPort(int port) {
        return new StandInSettings(port, dataDir, token, paymentWebhookUrl, paymentSecret, publicBaseUrl,
                maxInputBytes);
    }

    public StandInSettings withPayments(URI webhookUrl, String secret) {
        return new StandInSettings(port, dataDir, token, Optional.of(webhookUrl), secret, publicBaseUrl,
                maxInputBytes);
    }

    public StandInSettings withPublicBaseUrl(String url) {
        return new StandInSettings(port, dataDir, token, paymentWebhookUrl, paymentSecret, Optional.of(url),
                maxInputBytes);
    }

    public StandInSettings withMaxInputBytes(long max) {
        return new StandInSettings(port, dataDir, token, paymentWebhookUrl, paymentSecret, publicBaseUrl, max);
    }

    public static StandInSettings fromEnvironment(Map<String, String> env) {
        return new StandInSettings(
                Integer.parseInt(value(env, "STANDIN_PORT").orElse(String.valueOf(DEFAULT_PORT))),
                Path.of(value(env, "STANDIN_DATA_DIR").orElse(".standin")),
                value(env, "STANDIN_TOKEN").orElse(DEFAULT_TOKEN),
                value(env, "STANDIN_PAYMENT_WEBHOOK_URL").map(URI::create),
                value(env, "STANDIN_PAYMENT_SECRET").orElse(DEFAULT_PAYMENT_SECRET),
                value(env, "STANDIN_PUBLIC_URL"),
                Long.parseLong(value(env, "STANDIN_MAX_INPUT_BYTES").orElse(String.valueOf(DEFAULT_MAX_INPUT_BYTES))));
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
