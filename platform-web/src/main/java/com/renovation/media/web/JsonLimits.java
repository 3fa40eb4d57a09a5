package com.renovation.media.web;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses absurd JSON early: deep nesting (stack exhaustion) and huge strings, before any binding. A service whose
 * API carries a document as a string (asset-service's SVG artefacts) raises {@code platform.json.max-string-length};
 * its body limit still bounds every string.
 */
@Singleton
public class JsonLimits implements ObjectMapperCustomizer {

    private final int maxStringLength;

    public JsonLimits(@ConfigProperty(name = "platform.json.max-string-length", defaultValue = "100000")
            int maxStringLength) {
        this.maxStringLength = maxStringLength;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32)
                .maxStringLength(maxStringLength)
                .maxNumberLength(100)
                .build());
    }
}
