package com.renovation.media.assets.service.documents;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.renovation.media.contracts.documents.DocumentContent;
import com.renovation.media.contracts.documents.DocumentType;
import com.renovation.media.contracts.documents.Estimate;
import com.renovation.media.contracts.documents.RoomReport;
import com.renovation.media.web.problem.ApiException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

/**
 * Reads a request's {@code content} into the record of its type, strictly: text must be JSON text and a flag
 * a JSON boolean (no "5" read as text, no "yes" as true); an amount may be a number or a string. A value of the
 * wrong kind is refused with its field, e.g. {@code content.items[0].done}. What a client may not give —
 * an estimate's totals, a report's snapshot — is not read at all.
 */
final class DocumentContentReader {

    private static final ObjectMapper READER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .withCoercionConfig(LogicalType.Textual, text -> text
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Boolean, flag -> flag
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
            .addMixIn(Estimate.class, ComputedTotals.class)
            .addMixIn(Estimate.Line.class, ComputedLineTotal.class)
            .addMixIn(RoomReport.class, TakenSnapshot.class)
            .build();

    @JsonIgnoreProperties({"subtotal", "tax", "total"})
    private interface ComputedTotals {
    }

    @JsonIgnoreProperties({"lineTotal"})
    private interface ComputedLineTotal {
    }

    @JsonIgnoreProperties({"room", "images", "comparisons", "render"})
    private interface TakenSnapshot {
    }

    private DocumentContentReader() {
    }

    /** The content as its record; a room report's may be left out (it then has no notes). */
    static DocumentContent read(DocumentType type, JsonNode content) {
        if (type == DocumentType.ROOM_REPORT && (content == null || content.isNull())) {
            return RoomReport.notesOnly(null);
        }
        if (content == null || !content.isObject()) {
            throw ApiException.invalid("content", "must be an object");
        }
        try {
            return READER.treeToValue(content, type.contentClass());
        } catch (JsonMappingException e) {
            throw refused(e);
        } catch (JsonProcessingException e) {
            throw ApiException.invalid("content", "must be an object");
        }
    }

    /** Names the field Jackson stopped at and what it must be. */
    private static ApiException refused(JsonMappingException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        boolean entry = !path.isEmpty() && path.get(path.size() - 1).getFieldName() == null;
        Class<?> target = e instanceof MismatchedInputException mismatch
                ? mismatch.getTargetType() : null;
        StringBuilder field = new StringBuilder("content");
        for (JsonMappingException.Reference reference : path) {
            field.append(reference.getFieldName() != null ? "." + reference.getFieldName()
                    : "[" + reference.getIndex() + "]");
        }
        if (entry && (e instanceof InvalidNullException || target == null || target.isRecord())) {
            // a list entry that is null or not an object: the list is what is wrong
            return ApiException.invalid(field.substring(0, field.lastIndexOf("[")), "entries must be objects");
        }
        return ApiException.invalid(field.toString(), expected(target));
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "has the wrong type";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target == BigDecimal.class) {
            return "must be a number";
        }
        if (target == String.class) {
            return "must be text";
        }
        if (Collection.class.isAssignableFrom(target)) {
            return "must be a non-empty list";
        }
        return "must be an object";
    }
}
