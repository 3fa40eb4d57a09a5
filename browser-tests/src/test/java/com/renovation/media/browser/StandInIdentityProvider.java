package com.renovation.media.browser;

import com.renovation.media.localtokens.LocalTokens;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in OpenID Connect provider for the browser tests: discovery, an authorization endpoint with a sign-in
 * form, and a token endpoint that gives a code only to the client, redirect URI and PKCE verifier it was issued
 * for (S256 only). Its access tokens are signed with the local platform's key, so the services under test accept
 * them as they would a real provider's.
 */
final class StandInIdentityProvider implements AutoCloseable {

    /** What an authorization request asked for, kept until its code is exchanged (once). */
    private record Grant(String user, String clientId, String redirectUri, String challenge, String nonce) {
    }

    private final HttpServer server;
    private final String clientId;
    private final String redirectUri;
    private final String consoleOrigin;
    private final LocalTokens tokens;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    /** Every token request's outcome ("issued" or the error), for the test to read. */
    final List<String> tokenRequests = new CopyOnWriteArrayList<>();

    private StandInIdentityProvider(HttpServer server, String clientId, String consoleOrigin, LocalTokens tokens) {
        this.server = server;
        this.clientId = clientId;
        this.consoleOrigin = consoleOrigin;
        this.redirectUri = consoleOrigin + "/";
        this.tokens = tokens;
    }

    static StandInIdentityProvider start(String clientId, String consoleOrigin, LocalTokens tokens) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        StandInIdentityProvider provider = new StandInIdentityProvider(server, clientId, consoleOrigin, tokens);
        server.createContext("/.well-known/openid-configuration", provider::discovery);
        server.createContext("/authorize", provider::authorize);
        server.createContext("/token", provider::token);
        server.start();
        return provider;
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Read by the console's page with fetch, like the token endpoint: both answer its origin (CORS). */
    private void discovery(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Access-Control-Allow-Origin", consoleOrigin);
        send(exchange, 200, "application/json", "{\"issuer\":\"" + issuer() + "\",\"authorization_endpoint\":\""
                + issuer() + "/authorize\",\"token_endpoint\":\"" + issuer() + "/token\","
                + "\"response_types_supported\":[\"code\"],\"code_challenge_methods_supported\":[\"S256\"]}");
    }

    /** GET: the sign-in form for a valid request; POST (the form): a code back to the registered redirect URI. */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        if (exchange.getRequestMethod().equals("POST")) {
            query.putAll(form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        }
        if (!clientId.equals(query.get("client_id")) || !redirectUri.equals(query.get("redirect_uri"))
                || !"code".equals(query.get("response_type")) || !"S256".equals(query.get("code_challenge_method"))
                || query.getOrDefault("code_challenge", "").length() < 43 || query.get("state") == null) {
            send(exchange, 400, "text/plain", "invalid authorization request: " + query);
            return;
        }
        if (exchange.getRequestMethod().equals("GET")) {
            StringBuilder hidden = new StringBuilder();
            query.forEach((name, value) -> hidden.append("<input type=\"hidden\" name=\"").append(name)
                    .append("\" value=\"").append(value.replace("\"", "&quot;")).append("\">"));
            send(exchange, 200, "text/html", "<!DOCTYPE html><title>Stand-in identity provider</title><link rel=\"icon\" href=\"data:,\">"
                    + "<form method=\"post\" action=\"/authorize\">" + hidden
                    + "<label for=\"user\">User</label><input id=\"user\" name=\"user\">"
                    + "<button id=\"approve\" type=\"submit\">Sign in</button></form>");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(query.get("user"), clientId, redirectUri, query.get("code_challenge"),
                query.get("nonce")));
        exchange.getResponseHeaders().add("Location", redirectUri + "?code=" + code + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Access-Control-Allow-Origin", consoleOrigin);
        Map<String, String> request = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = codes.remove(request.getOrDefault("code", ""));
        String error = grant == null ? "unknown or used code"
                : !"authorization_code".equals(request.get("grant_type")) ? "grant_type"
                : !grant.clientId().equals(request.get("client_id")) ? "client_id"
                : !grant.redirectUri().equals(request.get("redirect_uri")) ? "redirect_uri"
                : !grant.challenge().equals(s256(request.getOrDefault("code_verifier", ""))) ? "code_verifier" : null;
        tokenRequests.add(error == null ? "issued" : error);
        if (error != null) {
            send(exchange, 400, "application/json", "{\"error\":\"invalid_grant\",\"error_description\":\"" + error + "\"}");
            return;
        }
        try {
            String access = tokens.token(grant.user(), false, Duration.ofHours(1));
            String idToken = unsignedIdToken(grant);
            send(exchange, 200, "application/json", "{\"access_token\":\"" + access + "\",\"token_type\":\"Bearer\","
                    + "\"expires_in\":3600,\"id_token\":\"" + idToken + "\"}");
        } catch (Exception e) {
            send(exchange, 500, "application/json", "{\"error\":\"server_error\"}");
        }
    }

    /** The console reads the id token's nonce and name only (it is not its credential), so no signature here. */
    private String unsignedIdToken(Grant grant) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"" + issuer() + "\",\"aud\":\"" + grant.clientId()
                + "\",\"sub\":\"" + grant.user() + "\",\"preferred_username\":\"" + grant.user() + "\",\"nonce\":\""
                + grant.nonce() + "\"}").getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
