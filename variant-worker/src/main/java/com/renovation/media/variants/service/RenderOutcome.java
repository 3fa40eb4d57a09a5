package com.renovation.media.variants.service;

import com.renovation.media.variants.imaging.RenderedVariant;
import java.util.List;

/**
 * What {@link VariantService#render} came to, outside any transaction; {@link VariantService#record} then
 * commits it as rows and events.
 */
public sealed interface RenderOutcome {

    /** Nothing to record: the type gets no variants, or the source or its object is gone. */
    record Skipped() implements RenderOutcome {
    }

    /** Every variant is rendered and uploaded; their rows and variant.ready events are still to commit. */
    record Stored(SourceImage source, List<RenderedVariant> variants) implements RenderOutcome {
    }

    /** The source can never have variants, for {@code reason}. */
    record Refused(SourceImage source, String reason) implements RenderOutcome {
    }
}
