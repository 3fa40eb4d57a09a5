package com.renovation.media.contracts.artefacts;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.EnumeratedValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What an editable SVG artefact draws: a floor plan, a wall elevation or a free sketch. */
public enum ArtefactKind {
    FLOORPLAN("floorplan", "Floor plan"),
    ELEVATION("elevation", "Elevation"),
    SKETCH("sketch", "Sketch");

    /** What JSON and the {@code kind} column hold. */
    @EnumeratedValue
    private final String value;
    private final String label;

    ArtefactKind(String value, String label) {
        this.value = value;
        this.label = label;
    }

    @JsonValue
    public String value() {
        return value;
    }

    /** How people read the kind (a PDF export's heading). */
    public String label() {
        return label;
    }

    public static Optional<ArtefactKind> find(String value) {
        return Arrays.stream(values()).filter(kind -> kind.value.equals(value)).findFirst();
    }

    public static String allValues() {
        return Arrays.stream(values()).map(ArtefactKind::value).collect(Collectors.joining(", "));
    }
}
