package com.renovation.media.variants.repository;

import com.renovation.media.contracts.events.payload.SourceKind;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/**
 * Stores a {@link SourceKind} as the column value the schema allows: its name in lower case ({@code room_asset},
 * {@code style_image}), as the events spell it too.
 */
@Converter
public class SourceKindColumn implements AttributeConverter<SourceKind, String> {

    @Override
    public String convertToDatabaseColumn(SourceKind kind) {
        return kind == null ? null : kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public SourceKind convertToEntityAttribute(String value) {
        return value == null ? null : SourceKind.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
