package com.renovation.media.variants.repository;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link VariantStatus} as its lower-case column value. */
@Converter
public class VariantStatusColumn implements AttributeConverter<VariantStatus, String> {

    @Override
    public String convertToDatabaseColumn(VariantStatus status) {
        return status == null ? null : status.column();
    }

    @Override
    public VariantStatus convertToEntityAttribute(String value) {
        return value == null ? null : VariantStatus.ofColumn(value);
    }
}
