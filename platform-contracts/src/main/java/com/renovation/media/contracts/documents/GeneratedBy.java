package com.renovation.media.contracts.documents;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.EnumeratedValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Who wrote a generated document's content: an AI model (with its prompt), the platform, or an admin. */
public enum GeneratedBy {
    AI("ai"),
    SYSTEM("system"),
    ADMIN("admin");

    /** What JSON and the {@code generated_by} column hold. */
    @EnumeratedValue
    private final String value;

    GeneratedBy(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public static Optional<GeneratedBy> find(String value) {
        return Arrays.stream(values()).filter(by -> by.value.equals(value)).findFirst();
    }

    public static String allValues() {
        return Arrays.stream(values()).map(GeneratedBy::value).collect(Collectors.joining(", "));
    }
}
