package com.renovation.media.browser;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Metric names: those a Prometheus scrape exposes, those a PromQL query reads, the queries of a rule file. */
final class PromQlNames {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern STRINGS = Pattern.compile("\"[^\"]*\"");
    // what is not a metric, once strings are gone: label matchers, grouping clauses, range durations
    private static final Pattern NOT_METRICS = Pattern.compile(
            "\\{[^}]*}|\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)|\\[[^]]*]");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan");

    private PromQlNames() {
    }

    /** The metric names in a Prometheus text exposition (the part of each sample line before its labels). */
    static Set<String> exposed(String scrape) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : scrape.split("\n")) {
            Matcher name = IDENTIFIER.matcher(line);
            if (!line.startsWith("#") && name.lookingAt()) {
                names.add(name.group());
            }
        }
        return names;
    }

    /** The metrics a query reads: its identifiers that are neither functions, keywords nor labels. */
    static Set<String> metrics(String query) {
        String bare = NOT_METRICS.matcher(STRINGS.matcher(query).replaceAll("\"\"")).replaceAll(" ");
        Set<String> names = new LinkedHashSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            String word = identifier.group();
            int next = identifier.end();
            while (next < bare.length() && bare.charAt(next) == ' ') {
                next++;
            }
            boolean function = next < bare.length() && bare.charAt(next) == '(';
            boolean number = identifier.start() > 0 && Character.isDigit(bare.charAt(identifier.start() - 1));
            if (!function && !number && !KEYWORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                names.add(word);
            }
        }
        return names;
    }

    /** The {@code expr} of every rule of a Prometheus rule file (one line, or a folded {@code >} block). */
    static List<String> ruleExpressions(String rules) {
        List<String> expressions = new ArrayList<>();
        String[] lines = rules.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int at = line.indexOf("expr:");
            if (at < 0 || line.trim().startsWith("#")) {
                continue;
            }
            String value = line.substring(at + 5).trim();
            if (!value.equals(">") && !value.equals("|")) {
                expressions.add(value);
                continue;
            }
            int indent = line.indexOf(line.trim());
            StringBuilder block = new StringBuilder();
            while (i + 1 < lines.length && (lines[i + 1].isBlank()
                    || lines[i + 1].indexOf(lines[i + 1].trim()) > indent)) {
                block.append(lines[++i].trim()).append(' ');
            }
            expressions.add(block.toString().trim());
        }
        return expressions;
    }
}
