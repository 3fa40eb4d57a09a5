package com.renovation.media.variants.video;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/**
 * What {@code ffprobe -print_format json -show_format -show_streams} prints, as far as the worker reads it.
 * Numbers ffprobe prints as strings (durations, ratios) stay strings here; {@link ProbedVideo} interprets them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProbeJson(List<Stream> streams, Format format) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** @throws VideoRejectedException when the text is not ffprobe's JSON */
    public static ProbeJson parse(String json) {
        try {
            ProbeJson probe = JSON.readValue(json, ProbeJson.class);
            if (probe == null) {
                throw new VideoRejectedException("ffprobe printed nothing about the file");
            }
            return probe;
        } catch (JsonProcessingException e) {
            throw new VideoRejectedException("ffprobe's report could not be read: " + e.getOriginalMessage());
        }
    }

    public List<Stream> streams() {
        return streams == null ? List.of() : streams;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Stream(
            int index,
            @JsonProperty("codec_type") String codecType,
            @JsonProperty("codec_name") String codecName,
            Integer width,
            Integer height,
            @JsonProperty("sample_aspect_ratio") String sampleAspectRatio,
            String duration,
            Map<String, Integer> disposition,
            Map<String, String> tags,
            @JsonProperty("side_data_list") List<SideData> sideData) {

        public boolean isAttachedPicture() {
            return disposition != null && Integer.valueOf(1).equals(disposition.get("attached_pic"));
        }
    }

    /** One entry of a stream's side data; a display matrix carries the rotation in degrees. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SideData(@JsonProperty("side_data_type") String type, Double rotation) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Format(@JsonProperty("format_name") String formatName, String duration,
            @JsonProperty("nb_streams") Integer streamCount) {
    }
}
