package com.renovation.media.console.service;

import com.renovation.media.console.config.ConsoleConfig;
import com.renovation.media.console.config.SignInGuard;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;

/**
 * The console's one HTML document, made once at start: the import map of the pinned Lit modules goes in inline
 * (browsers take no external import map), and the Content-Security-Policy allows exactly that script by its hash,
 * the console's own files, and the platform's origins — no inline script, no other site.
 */
@ApplicationScoped
public class IndexPage {

    static final String IMPORT_MAP_MARKER = "<!-- importmap -->";

    private final String html;
    private final String contentSecurityPolicy;

    public IndexPage(ConsoleConfig config, SignInGuard signIn) {
        Properties versions = load("console-assets.properties");
        String importMap = importMap(versions);
        String template = text("web/index.html");
        if (!template.contains(IMPORT_MAP_MARKER)) {
            throw new IllegalStateException("web/index.html has no " + IMPORT_MAP_MARKER + " line");
        }
        this.html = template.replace(IMPORT_MAP_MARKER, "<script type=\"importmap\">" + importMap + "</script>"
                + modulePreloads(versions));
        this.contentSecurityPolicy = policy(config, signIn, sha256(importMap));
    }

    public String html() {
        return html;
    }

    public String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    static String importMap(Properties versions) {
        String lit = "/_static/lit/" + versions.getProperty("lit") + "/";
        String litHtml = "/_static/lit-html/" + versions.getProperty("lit-html") + "/";
        String litElement = "/_static/lit-element/" + versions.getProperty("lit-element") + "/";
        String reactive = "/_static/reactive-element/" + versions.getProperty("reactive-element") + "/";
        return "{\"imports\":{"
                + "\"lit\":\"" + lit + "index.js\",\"lit/\":\"" + lit + "\","
                + "\"lit-html\":\"" + litHtml + "lit-html.js\",\"lit-html/\":\"" + litHtml + "\","
                + "\"lit-element/\":\"" + litElement + "\","
                + "\"@lit/reactive-element\":\"" + reactive + "reactive-element.js\","
                + "\"@lit/reactive-element/\":\"" + reactive + "\","
                + "\"uppy\":\"" + uppy(versions) + "uppy.min.mjs\"}}";
    }

    static String uppy(Properties versions) {
        return "/vendor/uppy/" + versions.getProperty("uppy") + "/";
    }

    /**
     * The start-up modules, fetched at once instead of one import after another: the app's entry and its shell
     * (the browser follows their imports, Lit's through the map, in parallel). Uppy is left to the first room.
     */
    static String modulePreloads(Properties versions) {
        StringBuilder links = new StringBuilder();
        for (String module : new String[] {"/app/main.js", "/app/components/app-shell.js",
                "/_static/lit/" + versions.getProperty("lit") + "/index.js"}) {
            links.append("\n  <link rel=\"modulepreload\" href=\"").append(module).append("\">");
        }
        return links.toString();
    }

    private static String policy(ConsoleConfig config, SignInGuard signIn, String importMapHash) {
        Set<String> apis = new LinkedHashSet<>();
        apis.add(origin(config.apiUrl()));
        apis.add(origin(config.catalogUrl()));
        apis.add(origin(config.ordersUrl()));
        apis.add(origin(config.storageUrl()));
        Set<String> images = new LinkedHashSet<>(apis);
        // variants signed on the CDN: pictures and videos, never uploads or API calls
        Set<String> media = new LinkedHashSet<>(Set.of(origin(config.storageUrl())));
        config.cdnUrl().map(IndexPage::origin).ifPresent(cdn -> {
            images.add(cdn);
            media.add(cdn);
        });
        // the identity provider: discovery and token requests from the page, the sign-in form by redirect
        String issuer = signIn.localSignIn() ? "" : config.auth().issuer().map(IndexPage::origin).orElse("");
        if (!issuer.isEmpty()) {
            apis.add(issuer);
        }
        return "default-src 'none'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'"
                + "; script-src 'self' 'sha256-" + importMapHash + "'"
                // Uppy and the comparison slider set style attributes
                + "; style-src 'self' 'unsafe-inline'"
                + "; img-src 'self' data: blob: " + String.join(" ", images)
                // videos play from their presigned URLs in the store; without media-src default-src 'none' blocks them
                + "; media-src " + String.join(" ", media)
                + "; connect-src 'self' " + String.join(" ", apis)
                + "; font-src 'self'; manifest-src 'self'"
                + "; form-action 'self'" + (issuer.isEmpty() ? "" : " " + issuer);
    }

    static String origin(String url) {
        URI uri = URI.create(url);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("not an absolute URL: " + url);
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = stream(resource)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String text(String resource) {
        try (InputStream in = stream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(String resource) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        return in;
    }
}
