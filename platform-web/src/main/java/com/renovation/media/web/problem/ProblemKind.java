package com.renovation.media.web.problem;

/** The kinds of problem the API answers with; slugs are part of the API and never change. */
public enum ProblemKind {
    VALIDATION("validation", "The request is not valid", 400),
    MALFORMED_JSON("malformed-json", "The request body is not valid JSON for this resource", 400),
    INVALID_CURSOR("invalid-cursor", "The cursor is not one this API issued", 400),
    UNAUTHORIZED("unauthorized", "A valid bearer token is required", 401),
    FORBIDDEN("forbidden", "This action is not allowed for this user", 403),
    QUOTA_EXCEEDED("quota-exceeded", "This would exceed a limit of the user's plan", 403),
    NOT_FOUND("not-found", "No such resource", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "The method is not allowed on this resource", 405),
    NOT_ACCEPTABLE("not-acceptable", "The requested representation is not available", 406),
    CONFLICT("conflict", "The resource is not in a state that allows this", 409),
    UPLOAD_MISSING("upload-missing", "The file has not been uploaded yet", 409),
    DUPLICATE_UPLOAD("duplicate-upload", "These bytes are already an asset of this session", 409),
    GONE("gone", "This link no longer opens anything", 410),
    LENGTH_REQUIRED("length-required", "The request body must declare its length", 411),
    TOO_LARGE("payload-too-large", "The request body is too large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "The request body must be JSON", 415),
    FILE_REJECTED("file-rejected", "The uploaded file was refused", 422),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests at once", 429),
    STORAGE_UNAVAILABLE("storage-unavailable", "The file store did not answer; try again", 503),
    SHUTTING_DOWN("shutting-down", "This replica is shutting down; try again", 503),
    INTERNAL("internal", "Something went wrong on our side", 500);

    private final String slug;
    private final String title;
    private final int status;

    ProblemKind(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }
}
