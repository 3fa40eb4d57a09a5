package com.renovation.media.documents.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Image bytes the test already holds, by key; it records which keys the renderer asked for. */
final class MapImages implements ImageSource {

    private final Map<String, byte[]> images;
    final List<String> asked = new ArrayList<>();

    MapImages(Map<String, byte[]> images) {
        this.images = images;
    }

    @Override
    public Fetched fetch(String key, long limit) {
        asked.add(key);
        byte[] bytes = images.get(key);
        if (bytes == null) {
            return new Missing();
        }
        return bytes.length > limit ? new OverLimit(bytes.length) : new Found(bytes);
    }
}
