package com.renovation.media.variants.repository;

import com.renovation.media.contracts.events.payload.SourceKind;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link SourceKind} as the column value the schema allows ({@code room_asset}, {@code style_image}). */
@Converter
public class SourceKindColumn implements AttributeConverter<SourceKind, String> {

    @Override
    public String convertToDatabaseColumn(SourceKind kind) {
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case ROOM_ASSET -> "room_asset";
            case STYLE_IMAGE -> "style_image";
        };
    }

    @Override
    public SourceKind convertToEntityAttribute(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "room_asset" -> SourceKind.ROOM_ASSET;
            case "style_image" -> SourceKind.STYLE_IMAGE;
            default -> throw new IllegalArgumentException("unknown source kind in the database: " + value);
        };
    }
}
