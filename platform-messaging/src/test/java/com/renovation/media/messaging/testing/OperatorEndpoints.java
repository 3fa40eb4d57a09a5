package com.renovation.media.messaging.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The application under test's two HTTP ports: the public one (the API) and the management one, where the
 * operators' endpoints live ({@code /q/health}, {@code /q/metrics}, {@code /q/openapi}). Both are random in tests.
 */
public final class OperatorEndpoints {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private OperatorEndpoints() {
    }

    /** {@code path} (e.g. "/q/metrics") on the management port. */
    public static String management(String path) {
        return root("test.management.url", "/q") + path;
    }

    /** {@code path} on the public port. */
    public static String open(String path) {
        return root("test.url", "") + path;
    }

    /** Quarkus gives each test URL with its root path ("/q/" for management); answers scheme, host and port. */
    private static String root(String property, String rootPath) {
        String url = ConfigProvider.getConfig().getValue(property, String.class).replaceAll("/+$", "");
        return url.endsWith(rootPath) ? url.substring(0, url.length() - rootPath.length()) : url;
    }

    public static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException("GET " + url + " failed", e);
        }
    }

    public static String body(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException("GET " + url + " failed", e);
        }
    }
}
