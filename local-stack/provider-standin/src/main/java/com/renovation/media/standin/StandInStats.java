package com.renovation.media.standin;

/**
 * What the stand-in has done since it started ({@code GET /_standin/stats}); {@code predictions} counts the ones
 * kept on disk, including those of earlier runs of the process.
 * <ul>
 * <li>{@code runs}: predictions created (each is run once); {@code resumed}: unfinished ones taken up again after a
 * restart (the same run continued, not a new one)</li>
 * <li>{@code runsPerKeyMax}: the most predictions ever created under one idempotency key — 1 while idempotency
 * holds; {@code idempotentReplays}: creations answered with the prediction an earlier request made</li>
 * <li>{@code posts}, {@code errorsAnswered} (500s of errorRate), {@code hungRequests} (requests left unanswered),
 * {@code cancels} (cancel requests)</li>
 * <li>{@code succeeded}, {@code failed}, {@code canceled}: predictions that ended so, since this process started</li>
 * </ul>
 */
public record StandInStats(int predictions, long runs, long resumed, int runsPerKeyMax, long idempotentReplays,
        long posts, long errorsAnswered, long hungRequests, long cancels, long succeeded, long failed,
        long canceled) {
}
