package com.renovation.media.contracts.documents;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A checklist: items in order, each ticked or not. */
public record Checklist(
        @NotEmpty(message = "must be a non-empty list") @Valid @JsonSetter(contentNulls = Nulls.FAIL)
        List<Item> items) implements DocumentContent {

    public record Item(
            @NotBlank(message = "must be non-empty text")
            @Size(max = MAX_TEXT, message = "must be at most {max} characters") String text,
            @NotNull(message = "must be true or false") Boolean done) {

        public boolean checked() {
            return Boolean.TRUE.equals(done);
        }
    }
}
