package com.renovation.media.catalog.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.renovation.media.catalog.config.CatalogConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Public JSON with validators: the ETag is a hash of the exact body, so any change of a style, image or
 * variant changes it, and a client sending it back in {@code If-None-Match} gets 304 without the body.
 */
@ApplicationScoped
public class CacheableJson {

    private final ObjectMapper mapper;
    private final String cacheControl;

    public CacheableJson(ObjectMapper mapper, CatalogConfig config) {
        this.mapper = mapper;
        this.cacheControl = "public, max-age=" + config.cacheMaxAge().toSeconds();
    }

    public Response respond(Object view, String ifNoneMatch) {
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("view cannot be written as JSON", e);
        }
        String etag = "\"" + sha256(body) + "\"";
        if (matches(ifNoneMatch, etag)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
        }
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
    }

    /** RFC 9110 weak comparison: {@code *}, or any listed tag equal to ours with or without {@code W/}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
