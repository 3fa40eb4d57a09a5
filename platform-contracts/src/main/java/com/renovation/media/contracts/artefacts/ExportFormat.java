package com.renovation.media.contracts.artefacts;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.EnumeratedValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What an artefact version is exported as (a thumbnail is a PNG too). */
public enum ExportFormat {
    PDF("pdf", "application/pdf"),
    PNG("png", "image/png"),
    SVG("svg", "image/svg+xml");

    /** What JSON and the {@code format} column hold; also the file extension. */
    @EnumeratedValue
    private final String value;
    private final String contentType;

    ExportFormat(String value, String contentType) {
        this.value = value;
        this.contentType = contentType;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<ExportFormat> find(String value) {
        return Arrays.stream(values()).filter(format -> format.value.equals(value)).findFirst();
    }

    public static String allValues() {
        return Arrays.stream(values()).map(ExportFormat::value).collect(Collectors.joining(", "));
    }
}
