package com.renovation.media.contracts.documents;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A plan: numbered sections (phases of the works), each a heading and a body. */
public record Plan(
        @NotEmpty(message = "must be a non-empty list") @Valid @JsonSetter(contentNulls = Nulls.FAIL)
        List<Section> sections) implements DocumentContent {

    /** {@code text} may be left out; it is then empty. */
    public record Section(
            @NotBlank(message = "must be non-empty text")
            @Size(max = MAX_HEADING, message = "must be at most {max} characters") String heading,
            @Size(max = MAX_SECTION_TEXT, message = "must be at most {max} characters") String text) {
    }
}
