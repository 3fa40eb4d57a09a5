package com.renovation.media.web.problem;

import java.util.List;
import java.util.Map;

/** A client-facing failure that becomes a problem document. */
public class ApiException extends RuntimeException {

    private final ProblemKind kind;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> members;

    public ApiException(ProblemKind kind, String detail) {
        this(kind, detail, List.of());
    }

    public ApiException(ProblemKind kind, String detail, List<Problem.FieldError> errors) {
        this(kind, detail, errors, Map.of());
    }

    private ApiException(ProblemKind kind, String detail, List<Problem.FieldError> errors,
            Map<String, Object> members) {
        super(detail, null, false, false);
        this.kind = kind;
        this.errors = errors;
        this.members = members;
    }

    /** With extension members of the problem (RFC 7807 §3.2) a client reads instead of parsing the detail. */
    public static ApiException withMembers(ProblemKind kind, String detail, Map<String, Object> members) {
        return new ApiException(kind, detail, List.of(), Map.copyOf(members));
    }

    public static ApiException notFound(String what) {
        return new ApiException(ProblemKind.NOT_FOUND, what + " was not found");
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(ProblemKind.VALIDATION, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public Problem problem() {
        return Problem.of(kind, getMessage()).withErrors(errors).with(members);
    }
}
