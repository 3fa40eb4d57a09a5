package com.renovation.media.storage.svg;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The drawing's size in user units: its viewBox, or else its width and height (absolute units as px at 96 dpi). */
record SvgSize(double width, double height) {

    /** Larger than any plan in any unit; beyond it a renderer's arithmetic is what an attacker would aim at. */
    static final double MAX_SIDE = 1_000_000;

    private static final String NUMBER = "[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?";
    private static final Pattern VIEW_BOX_SEPARATOR = Pattern.compile("\\s*,\\s*|\\s+");
    private static final Pattern PLAIN_NUMBER = Pattern.compile(NUMBER);
    private static final Pattern LENGTH = Pattern.compile("(" + NUMBER + ")\\s*(px|mm|cm|in|pt|pc)?",
            Pattern.CASE_INSENSITIVE);

    static Optional<SvgSize> of(String viewBox, String width, String height) {
        return fromViewBox(viewBox).or(() -> fromLengths(width, height));
    }

    private static Optional<SvgSize> fromViewBox(String viewBox) {
        if (viewBox == null) {
            return Optional.empty();
        }
        String[] parts = VIEW_BOX_SEPARATOR.split(viewBox.strip());
        if (parts.length != 4 || !PLAIN_NUMBER.matcher(parts[2]).matches()
                || !PLAIN_NUMBER.matcher(parts[3]).matches()) {
            return Optional.empty();
        }
        return sized(Double.parseDouble(parts[2]), Double.parseDouble(parts[3]));
    }

    private static Optional<SvgSize> fromLengths(String width, String height) {
        double w = pixels(width);
        double h = pixels(height);
        return Double.isNaN(w) || Double.isNaN(h) ? Optional.empty() : sized(w, h);
    }

    private static Optional<SvgSize> sized(double w, double h) {
        boolean usable = w > 0 && h > 0 && w <= MAX_SIDE && h <= MAX_SIDE;
        return usable ? Optional.of(new SvgSize(w, h)) : Optional.empty();
    }

    /** The length in px, or NaN when it is missing, relative (%, em) or not a number. */
    static double pixels(String length) {
        if (length == null) {
            return Double.NaN;
        }
        Matcher matcher = LENGTH.matcher(length.strip());
        if (!matcher.matches()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(matcher.group(1));
        String unit = matcher.group(2) == null ? "px" : matcher.group(2).toLowerCase(Locale.ROOT);
        return value * switch (unit) {
            case "mm" -> 96 / 25.4;
            case "cm" -> 96 / 2.54;
            case "in" -> 96;
            case "pt" -> 96 / 72.0;
            case "pc" -> 16;
            default -> 1;
        };
    }
}
