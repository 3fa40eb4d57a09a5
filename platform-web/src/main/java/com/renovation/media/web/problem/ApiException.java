package com.renovation.media.web.problem;

import java.util.List;

/** A client-facing failure that becomes a problem document. */
public class ApiException extends RuntimeException {

    private final ProblemKind kind;
    private final List<Problem.FieldError> errors;

    public ApiException(ProblemKind kind, String detail) {
        this(kind, detail, List.of());
    }

    public ApiException(ProblemKind kind, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.kind = kind;
        this.errors = errors;
    }

    public static ApiException notFound(String what) {
        return new ApiException(ProblemKind.NOT_FOUND, what + " was not found");
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(ProblemKind.VALIDATION, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public Problem problem() {
        return Problem.of(kind, getMessage()).withErrors(errors);
    }
}
