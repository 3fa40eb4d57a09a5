package com.renovation.media.variants.video;

import java.util.List;
import java.util.OptionalDouble;

/**
 * What ffprobe found in a file, interpreted: the container's format names, the playing time, the video tracks
 * (cover art, which MP4 files carry as a one-picture video stream, is not one) and the audio tracks.
 */
public record ProbedVideo(String formatName, OptionalDouble durationSeconds, List<VideoTrack> videoTracks,
        List<AudioTrack> audioTracks) {

    public static ProbedVideo of(ProbeJson probe) {
        List<VideoTrack> video = probe.streams().stream()
                .filter(s -> "video".equals(s.codecType()) && !s.isAttachedPicture())
                .map(VideoTrack::of).toList();
        List<AudioTrack> audio = probe.streams().stream().filter(s -> "audio".equals(s.codecType()))
                .map(s -> new AudioTrack(s.index(), s.codecName())).toList();
        OptionalDouble duration = seconds(probe.format() == null ? null : probe.format().duration());
        if (duration.isEmpty()) {
            // some containers (a WebM written live) state no overall duration: the longest stream's then
            duration = probe.streams().stream().map(s -> seconds(s.duration())).filter(OptionalDouble::isPresent)
                    .mapToDouble(OptionalDouble::getAsDouble).max();
        }
        return new ProbedVideo(probe.format() == null ? null : probe.format().formatName(), duration, video, audio);
    }

    /** A duration as ffprobe prints it ("3.000000"); empty when absent, unreadable or not a positive finite number. */
    static OptionalDouble seconds(String text) {
        if (text == null) {
            return OptionalDouble.empty();
        }
        try {
            double value = Double.parseDouble(text.strip());
            return Double.isFinite(value) && value > 0 ? OptionalDouble.of(value) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** The first audio track, or null for a silent video. */
    public AudioTrack audio() {
        return audioTracks.isEmpty() ? null : audioTracks.get(0);
    }

    /**
     * One video track: its stored size, the rotation a player applies (degrees, a multiple of 90 clockwise, from
     * the display matrix or the older {@code rotate} tag) and its pixel aspect ratio.
     */
    public record VideoTrack(int index, String codec, int storedWidth, int storedHeight, int rotation,
            int pixelAspectNum, int pixelAspectDen) {

        static VideoTrack of(ProbeJson.Stream stream) {
            int[] sar = ratio(stream.sampleAspectRatio());
            return new VideoTrack(stream.index(), stream.codecName(), orZero(stream.width()), orZero(stream.height()),
                    rotation(stream), sar[0], sar[1]);
        }

        private static int orZero(Integer value) {
            return value == null ? 0 : value;
        }

        /** Normalised to 0, 90, 180 or 270; anything that is not a quarter turn counts as none. */
        static int rotation(ProbeJson.Stream stream) {
            Double degrees = null;
            if (stream.sideData() != null) {
                degrees = stream.sideData().stream().map(ProbeJson.SideData::rotation)
                        .filter(r -> r != null).findFirst().orElse(null);
            }
            if (degrees == null && stream.tags() != null && stream.tags().get("rotate") != null) {
                try {
                    degrees = Double.parseDouble(stream.tags().get("rotate").strip());
                } catch (NumberFormatException e) {
                    degrees = null;
                }
            }
            if (degrees == null || !Double.isFinite(degrees)) {
                return 0;
            }
            long quarter = Math.round(degrees / 90.0);
            if (Math.abs(degrees - quarter * 90.0) > 1.0) {
                return 0;
            }
            return (int) Math.floorMod(quarter * 90, 360L);
        }

        /** "16:15" as {16, 15}; unknown, zero or unreadable ratios as square pixels. */
        static int[] ratio(String text) {
            if (text != null) {
                String[] parts = text.split(":");
                if (parts.length == 2) {
                    try {
                        int num = Integer.parseInt(parts[0].strip());
                        int den = Integer.parseInt(parts[1].strip());
                        if (num > 0 && den > 0) {
                            return new int[] {num, den};
                        }
                    } catch (NumberFormatException e) {
                        // square pixels, below
                    }
                }
            }
            return new int[] {1, 1};
        }

        /** Whether a player turns the picture by a quarter, showing it with width and height swapped. */
        public boolean quarterTurned() {
            return rotation == 90 || rotation == 270;
        }

        /** Width as shown: the stored width stretched by the pixel aspect ratio, then turned. */
        public int displayedWidth() {
            return quarterTurned() ? storedHeight : squareWidth();
        }

        public int displayedHeight() {
            return quarterTurned() ? squareWidth() : storedHeight;
        }

        private int squareWidth() {
            long width = Math.round((double) storedWidth * pixelAspectNum / pixelAspectDen);
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE, width));
        }
    }

    public record AudioTrack(int index, String codec) {
    }
}
