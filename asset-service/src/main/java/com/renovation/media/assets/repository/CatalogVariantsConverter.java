package com.renovation.media.assets.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/**
 * A catalog image's variants as the JSON array text of the {@code variants} JSONB column: Hibernate Reactive
 * decodes a JSON column into an object and fails on an array, so the column moves as text.
 */
@Converter
public class CatalogVariantsConverter implements AttributeConverter<List<CatalogImage.Variant>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<CatalogImage.Variant>> VARIANTS = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<CatalogImage.Variant> variants) {
        try {
            return JSON.writeValueAsString(variants == null ? List.of() : variants);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public List<CatalogImage.Variant> convertToEntityAttribute(String json) {
        try {
            return json == null ? List.of() : List.copyOf(JSON.readValue(json, VARIANTS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("variants column is not a JSON array of variants", e);
        }
    }
}
