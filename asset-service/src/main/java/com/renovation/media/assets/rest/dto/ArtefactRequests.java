package com.renovation.media.assets.rest.dto;

import com.renovation.media.contracts.artefacts.ArtefactKind;
import com.renovation.media.contracts.artefacts.ExportFormat;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Bodies of {@code /sessions/{id}/artefacts} and {@code /artefacts/{id}/…}. */
public final class ArtefactRequests {

    public static final int MAX_TITLE = 200;
    public static final int MAX_MESSAGE = 500;

    private ArtefactRequests() {
    }

    /** The first version of a new artefact; {@code content} is the SVG document as text. */
    public record CreateArtefact(
            @NotNull ArtefactKind kind,
            UUID roomId,
            @NotBlank @Size(max = MAX_TITLE) String title,
            @NotBlank String content,
            @Size(max = MAX_MESSAGE) String message) {
    }

    /** The next version, made from the latest one the editor saw ({@code baseVersion}); a new title optionally. */
    public record EditArtefact(
            @NotBlank String content,
            @Size(max = MAX_MESSAGE) String message,
            @NotNull @Min(1) Integer baseVersion,
            @Size(min = 1, max = MAX_TITLE) String title) {
    }

    /** The message of the version a restore makes; the body itself is optional. */
    public record RestoreVersion(@Size(max = MAX_MESSAGE) String message) {
    }

    /** {@code width} only with png; {@code version} defaults to the latest. */
    public record RequestExport(
            @NotNull ExportFormat format,
            @Min(1) Integer version,
            Integer width) {
    }
}
