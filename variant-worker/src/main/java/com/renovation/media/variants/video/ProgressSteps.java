package com.renovation.media.variants.video;

import java.util.OptionalInt;

/**
 * Which percentages are worth announcing: one at least {@code step} points above the last announced, and
 * never 100 (the web MP4's {@code variant.ready} carries that, once the copy is stored).
 */
public final class ProgressSteps {

    private final int step;
    private int announced;

    public ProgressSteps(int step) {
        if (step < 1 || step > 100) {
            throw new IllegalArgumentException("a progress step is 1 to 100 points, not " + step);
        }
        this.step = step;
    }

    /** The percentage to announce now, if {@code percent} is one. */
    public OptionalInt next(int percent) {
        if (percent >= 100 || percent < announced + step) {
            return OptionalInt.empty();
        }
        announced = percent;
        return OptionalInt.of(percent);
    }
}
