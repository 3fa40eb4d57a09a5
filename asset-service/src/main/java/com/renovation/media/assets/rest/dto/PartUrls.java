package com.renovation.media.assets.rest.dto;

import java.util.List;

/** Fresh URLs for the parts asked for. */
public record PartUrls(List<PartUrl> parts) {
}
