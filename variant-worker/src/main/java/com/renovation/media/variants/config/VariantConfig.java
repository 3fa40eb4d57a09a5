package com.renovation.media.variants.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** What variants are made and how ({@code platform.variants.*}). */
@ConfigMapping(prefix = "platform.variants")
public interface VariantConfig {

    /** Presets as {@code name:WIDTHxHEIGHT}, each a box the image is fitted into (never upscaled). */
    @WithDefault("thumbnail:300x200,optimized:1200x1200")
    List<String> presets();

    /** Formats made of every preset; avif only where an encoder (avifenc) is installed. */
    @WithDefault("jpeg,webp,avif")
    List<String> formats();

    /** Images with more pixels than this are refused from their header, before decoding. */
    @WithDefault("50000000")
    long maxPixels();

    /** Largest source file read into memory. */
    @WithDefault("52428800")
    long maxSourceBytes();

    /** Images processed at once by this replica (each holds a decoded image in memory). */
    @WithDefault("2")
    int concurrency();

    @WithDefault("box_lanczos3")
    String resizeMethod();
}
