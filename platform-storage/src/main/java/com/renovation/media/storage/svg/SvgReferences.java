package com.renovation.media.storage.svg;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a link or a piece of CSS points only inside the document. Anything else (http:, file:, data:,
 * javascript:, another file) would make a viewer fetch or run something.
 */
final class SvgReferences {

    private static final Pattern LOCAL_FRAGMENT = Pattern.compile("#[\\p{L}\\p{N}_][\\p{L}\\p{N}_.:-]*");
    private static final Pattern CSS_COMMENT = Pattern.compile("/\\*.*?(\\*/|$)", Pattern.DOTALL);
    private static final Pattern CSS_ESCAPE = Pattern.compile("\\\\(?:([0-9a-fA-F]{1,6})[ \\t\\r\\n\\f]?|(.))",
            Pattern.DOTALL);
    private static final Pattern URL_FUNCTION = Pattern.compile("url\\s*\\(");
    /** CSS functions that take a bare string as an image address, with no url() around it. */
    private static final Pattern IMAGE_FUNCTION = Pattern.compile(
            "(?:^|[^a-z0-9_-])(?:-[a-z]+-)?(?:image|image-set|cross-fade|src)\\s*\\(");

    private SvgReferences() {
    }

    static boolean isLocalFragment(String link) {
        return LOCAL_FRAGMENT.matcher(link.strip()).matches();
    }

    /** What in this CSS (a style sheet, a style attribute or a presentation attribute) is not allowed, if any. */
    static Optional<Problem> cssProblem(String css) {
        if (css.indexOf('(') < 0 && css.indexOf('@') < 0) {
            return Optional.empty();
        }
        String plain = unescape(CSS_COMMENT.matcher(css).replaceAll("")).toLowerCase(Locale.ROOT);
        if (plain.contains("@import")) {
            return Optional.of(new Problem(SvgRefusal.EXTERNAL_REFERENCE, "@import"));
        }
        if (plain.contains("expression(")) {
            return Optional.of(new Problem(SvgRefusal.SCRIPT, "expression()"));
        }
        Matcher image = IMAGE_FUNCTION.matcher(plain);
        if (image.find()) {
            return Optional.of(new Problem(SvgRefusal.EXTERNAL_REFERENCE, image.group().strip() + "…)"));
        }
        Matcher url = URL_FUNCTION.matcher(plain);
        while (url.find()) {
            String target = urlArgument(plain, url.end());
            if (!isLocalFragment(target)) {
                return Optional.of(new Problem(SvgRefusal.EXTERNAL_REFERENCE, "url(" + shorten(target) + ")"));
            }
        }
        return Optional.empty();
    }

    static String shorten(String value) {
        String flat = value.strip().replaceAll("\\s+", " ");
        return flat.length() <= 60 ? flat : flat.substring(0, 60) + "…";
    }

    /** The argument of url( starting at {@code from}: quoted or bare, up to its closing quote or parenthesis. */
    private static String urlArgument(String css, int from) {
        int start = from;
        while (start < css.length() && Character.isWhitespace(css.charAt(start))) {
            start++;
        }
        if (start < css.length() && (css.charAt(start) == '"' || css.charAt(start) == '\'')) {
            int close = css.indexOf(css.charAt(start), start + 1);
            return css.substring(start + 1, close < 0 ? css.length() : close);
        }
        int close = css.indexOf(')', start);
        return css.substring(start, close < 0 ? css.length() : close);
    }

    /** CSS escapes spell names too: {@code u\72l(} is url( and {@code @\69mport} is @import. */
    private static String unescape(String css) {
        if (css.indexOf('\\') < 0) {
            return css;
        }
        Matcher escape = CSS_ESCAPE.matcher(css);
        StringBuilder plain = new StringBuilder(css.length());
        while (escape.find()) {
            String replacement;
            if (escape.group(1) != null) {
                int codePoint = Integer.parseInt(escape.group(1), 16);
                replacement = Character.isValidCodePoint(codePoint) && codePoint != 0
                        ? Character.toString(codePoint) : "\uFFFD";
            } else {
                replacement = escape.group(2);
            }
            escape.appendReplacement(plain, Matcher.quoteReplacement(replacement));
        }
        escape.appendTail(plain);
        return plain.toString();
    }

    record Problem(SvgRefusal reason, String what) {
    }
}
