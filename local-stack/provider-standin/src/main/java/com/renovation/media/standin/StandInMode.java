package com.renovation.media.standin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * How the stand-in misbehaves ({@code PUT /_standin/mode}); every field optional, missing ones are 0/false.
 * <ul>
 * <li>{@code delayMs}: how long a prediction stays processing before it ends.</li>
 * <li>{@code failRate} (0..1): the share of predictions that end {@code failed}. Decided by a counter, not by
 * chance, so tests are exact: the n-th prediction fails when {@code floor(n × rate)} grows at n (1 → every one,
 * 0.5 → every second, 0 → none).</li>
 * <li>{@code failNext}: the next that many predictions end failed (before failRate is looked at): "fails twice,
 * then works".</li>
 * <li>{@code errorRate} (0..1): the share of {@code POST /v1/predictions} answered 500 without creating anything,
 * by the same kind of counter: a provider that is down rather than one whose runs fail.</li>
 * <li>{@code answerDelayMs}: a new prediction's create is answered this long after the prediction is made and
 * started: a provider slower to answer than its client waits. The client's create times out although the
 * prediction exists; only a repeat under the same idempotency key finds it.</li>
 * <li>{@code hang}: requests to {@code /v1/predictions...} are read and never answered (the connection stays open
 * until the client gives up or the stand-in stops); nothing is created.</li>
 * </ul>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StandInMode(long delayMs, double failRate, int failNext, double errorRate, boolean hang,
        long answerDelayMs) {

    public static final StandInMode NORMAL = new StandInMode(0, 0, 0, 0, false, 0);

    public StandInMode {
        if (delayMs < 0 || failNext < 0 || answerDelayMs < 0 || !(failRate >= 0 && failRate <= 1)
                || !(errorRate >= 0 && errorRate <= 1)) {
            throw new IllegalArgumentException("delayMs, failNext and answerDelayMs >= 0, failRate and errorRate"
                    + " in 0..1");
        }
    }

    /** The five misbehaviours of old, answering without delay. */
    public StandInMode(long delayMs, double failRate, int failNext, double errorRate, boolean hang) {
        this(delayMs, failRate, failNext, errorRate, hang, 0);
    }

    public static StandInMode delay(long delayMs) {
        return new StandInMode(delayMs, 0, 0, 0, false);
    }

    public static StandInMode failing(double failRate) {
        return new StandInMode(0, failRate, 0, 0, false);
    }

    public static StandInMode failingNext(int count) {
        return new StandInMode(0, 0, count, 0, false);
    }

    public static StandInMode erroring(double errorRate) {
        return new StandInMode(0, 0, 0, errorRate, false);
    }

    public static StandInMode hanging() {
        return new StandInMode(0, 0, 0, 0, true);
    }

    /** New predictions are made at once, their creates answered {@code answerDelayMs} later. */
    public static StandInMode answeringLate(long answerDelayMs) {
        return new StandInMode(0, 0, 0, 0, false, answerDelayMs);
    }
}
