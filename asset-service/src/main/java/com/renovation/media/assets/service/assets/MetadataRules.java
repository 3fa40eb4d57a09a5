package com.renovation.media.assets.service.assets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.renovation.media.assets.config.UploadConfig;
import com.renovation.media.web.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Checks an asset's metadata: bounded size, and the render fields of seed 001 Decision 4 with their types and
 * allowed values. Answers the asset ids it references, which the caller checks belong to the same session.
 */
@ApplicationScoped
public class MetadataRules {

    /** The metadata fields naming another asset of the same session. */
    public static final Set<String> ASSET_REFERENCES = Set.of("basedOnAssetId", "beforeAssetId", "afterAssetId");
    private static final Map<String, Set<String>> ENUMS = Map.of(
            "approvalStatus", Set.of("draft", "pending_review", "approved", "rejected"),
            "renderType", Set.of("ai_generated", "user_edited", "professional"),
            "comparisonType", Set.of("side_by_side", "slider", "overlay"));
    private static final Set<String> TEXTS = Set.of("prompt", "negativePrompt", "modelVersion", "styleApplied",
            "approvedBy", "approvedAt", "rejectionReason");
    private static final Set<String> INTEGERS = Set.of("seed", "steps");
    private static final int MAX_TEXT = 4000;

    private final UploadConfig config;
    private final ObjectMapper mapper;

    public MetadataRules(UploadConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    /** Validates and answers the referenced asset ids (empty when none). */
    public Set<UUID> check(Map<String, Object> metadata) {
        if (metadata == null) {
            return Set.of();
        }
        try {
            if (mapper.writeValueAsBytes(metadata).length > config.maxMetadataBytes()) {
                throw ApiException.invalid("metadata", "must be at most " + config.maxMetadataBytes() + " bytes of JSON");
            }
        } catch (JsonProcessingException e) {
            throw ApiException.invalid("metadata", "must be a JSON object");
        }
        Set<UUID> references = new HashSet<>();
        metadata.forEach((key, value) -> {
            String field = "metadata." + key;
            if (value == null) {
                return;
            }
            if (ASSET_REFERENCES.contains(key)) {
                references.add(uuid(field, value));
            } else if (ENUMS.containsKey(key)) {
                if (!(value instanceof String s) || !ENUMS.get(key).contains(s)) {
                    throw ApiException.invalid(field, "must be one of " + ENUMS.get(key).stream().sorted().toList());
                }
            } else if (TEXTS.contains(key)) {
                if (!(value instanceof String s) || s.length() > MAX_TEXT) {
                    throw ApiException.invalid(field, "must be text of at most " + MAX_TEXT + " characters");
                }
            } else if (INTEGERS.contains(key)) {
                if (!(value instanceof Integer || value instanceof Long)) {
                    throw ApiException.invalid(field, "must be a whole number");
                }
            } else if (key.equals("guidanceScale") && !(value instanceof Number)) {
                throw ApiException.invalid(field, "must be a number");
            }
        });
        return references;
    }

    private static UUID uuid(String field, Object value) {
        try {
            return UUID.fromString(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, "must be an asset id (UUID)");
        }
    }
}
