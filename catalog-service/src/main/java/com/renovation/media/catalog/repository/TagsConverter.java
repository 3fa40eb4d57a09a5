package com.renovation.media.catalog.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.ArrayList;
import java.util.List;

/** A list of tags as the JSON array text stored in the {@code tags} JSONB column. */
@Converter
public class TagsConverter implements AttributeConverter<List<String>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String convertToDatabaseColumn(List<String> tags) {
        try {
            return JSON.writeValueAsString(tags == null ? List.of() : tags);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public List<String> convertToEntityAttribute(String json) {
        try {
            return json == null ? new ArrayList<>() : JSON.readValue(json, new TypeReference<ArrayList<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tags column is not a JSON array of strings", e);
        }
    }
}
