package com.renovation.media.contracts.documents;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;

/**
 * Reads and writes a {@link DocumentContent} by the {@link DocumentType} value beside it, so the list of types
 * lives in the enum alone. An unknown value resolves to nothing, which Jackson refuses.
 */
public final class DocumentTypeIds extends TypeIdResolverBase {

    @Override
    public String idFromValue(Object value) {
        return ((DocumentContent) value).type().value();
    }

    @Override
    public String idFromValueAndType(Object value, Class<?> suggestedType) {
        if (value != null) {
            return idFromValue(value);
        }
        return DocumentContent.class.isAssignableFrom(suggestedType)
                ? DocumentType.of(suggestedType.asSubclass(DocumentContent.class)).value() : null;
    }

    @Override
    public JavaType typeFromId(DatabindContext context, String id) {
        return DocumentType.find(id).map(type -> context.constructType(type.contentClass())).orElse(null);
    }

    @Override
    public JsonTypeInfo.Id getMechanism() {
        return JsonTypeInfo.Id.CUSTOM;
    }
}
