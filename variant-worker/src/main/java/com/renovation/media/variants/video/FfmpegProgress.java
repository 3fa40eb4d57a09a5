package com.renovation.media.variants.video;

import java.util.function.IntConsumer;

/**
 * Reads what {@code ffmpeg -progress pipe:1} prints, one {@code key=value} line at a time, blocks ending in
 * {@code progress=continue} or {@code progress=end}: at the end of each block the percentage of the output's
 * playing time written so far ({@code out_time_us}) of the whole is handed on. It never goes backwards, stays
 * below 100 while ffmpeg runs and is 100 at {@code progress=end}.
 */
public final class FfmpegProgress {

    private final long totalMicros;
    private final IntConsumer percentages;
    private long outMicros;
    private int percent;

    /** @param totalSeconds the playing time the output will have */
    public FfmpegProgress(double totalSeconds, IntConsumer percentages) {
        this.totalMicros = Math.max(1, Math.round(totalSeconds * 1_000_000));
        this.percentages = percentages;
    }

    public void line(String line) {
        int equals = line.indexOf('=');
        if (equals <= 0) {
            return;
        }
        String key = line.substring(0, equals).strip();
        String value = line.substring(equals + 1).strip();
        switch (key) {
            case "out_time_us" -> {
                try {
                    outMicros = Math.max(outMicros, Long.parseLong(value));
                } catch (NumberFormatException e) {
                    // "N/A" before the first frame is out
                }
            }
            case "progress" -> {
                int now = "end".equals(value) ? 100 : (int) Math.min(99, outMicros * 100 / totalMicros);
                percent = Math.max(percent, now);
                percentages.accept(percent);
            }
            default -> {
            }
        }
    }

    public int percent() {
        return percent;
    }
}
