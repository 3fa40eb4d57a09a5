package com.renovation.media.web.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 7807 problem document; {@code type} is stable and names the kind of mistake. {@code members} are the
 * extension members of its type (RFC 7807 §3.2), written beside the standard ones: what a client acts on without
 * parsing {@code detail} (the latest version after a conflict, why a file was refused).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
        List<FieldError> errors, @JsonIgnore Map<String, Object> members) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:media-platform:problem:";

    public static Problem of(ProblemKind kind, String detail) {
        return new Problem(TYPE_PREFIX + kind.slug(), kind.title(), kind.status(), detail, null, null, Map.of());
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors.isEmpty() ? null : fieldErrors,
                members);
    }

    public Problem with(Map<String, Object> extensions) {
        Map<String, Object> all = new LinkedHashMap<>(members);
        all.putAll(extensions);
        return new Problem(type, title, status, detail, instance, errors, Map.copyOf(all));
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, errors, members);
    }

    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return members;
    }

    /** One invalid field: where it is and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
