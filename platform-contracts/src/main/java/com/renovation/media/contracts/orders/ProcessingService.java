package com.renovation.media.contracts.orders;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.EnumeratedValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A paid processing an order item asks for. Its output becomes a new asset of the session, in the original's
 * room, linked to the original as its parent: a restoration is a photo again, a render is a render.
 */
public enum ProcessingService {
    RESTORATION("restoration", "photo", "ai_restored"),
    RENDER("render", "render", "ai_generated");

    /** What JSON, the {@code service} columns and the provider's model name hold. */
    @EnumeratedValue
    private final String value;
    private final String outputAssetType;
    private final String outputSource;

    ProcessingService(String value, String outputAssetType, String outputSource) {
        this.value = value;
        this.outputAssetType = outputAssetType;
        this.outputSource = outputSource;
    }

    @JsonValue
    public String value() {
        return value;
    }

    /** The asset type (asset-service's {@code asset_type}) of the output. */
    public String outputAssetType() {
        return outputAssetType;
    }

    /** The asset source (asset-service's {@code source}) of the output. */
    public String outputSource() {
        return outputSource;
    }

    public static Optional<ProcessingService> find(String value) {
        return Arrays.stream(values()).filter(service -> service.value.equals(value)).findFirst();
    }

    public static String allValues() {
        return Arrays.stream(values()).map(ProcessingService::value).collect(Collectors.joining(", "));
    }
}
