package com.renovation.media.documents.render;

import java.util.List;
import java.util.UUID;

/**
 * What is worth recording about a rendered PDF: its pages, the images it embeds, the photos left out because
 * their objects are gone ({@code skippedImages}) and those left out because the document reached its size
 * limit ({@code omittedImages}).
 */
public record RenderedDocument(int pageCount, int imageCount, List<UUID> skippedImages,
        List<UUID> omittedImages) {
}
