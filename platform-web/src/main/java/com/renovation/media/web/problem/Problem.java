package com.renovation.media.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 7807 problem document; {@code type} is stable and names the kind of mistake. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:media-platform:problem:";

    public static Problem of(ProblemKind kind, String detail) {
        return new Problem(TYPE_PREFIX + kind.slug(), kind.title(), kind.status(), detail, null, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors.isEmpty() ? null : fieldErrors);
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }

    /** One invalid field: where it is and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
