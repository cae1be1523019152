package dev.gantry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where one Maven run's time went, read from its log with Maven's timestamps on: from {@code Scanning for projects…} to
 * the first goal's header ({@code "to first goal"}), then from each goal's header to the next one's or to
 * {@code BUILD SUCCESS}, keyed {@code prefix:goal} ({@code gantry:plan}, {@code jib:build}) in the order they ran; a goal
 * run twice in one module adds up.
 */
final class GoalSpans {

    static final String TO_FIRST_GOAL = "to first goal";
    private static final Pattern TIMESTAMPED = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) \\[INFO\\] (.*)$");
    private static final Pattern HEADER = Pattern.compile("^--- ([\\w.-]+):[^:]+:([\\w-]+) .*");

    private GoalSpans() {
    }

    static Map<String, Long> of(Path log) throws IOException {
        Map<String, Long> spans = new LinkedHashMap<>();
        String open = null;
        long since = 0;
        for (String line : Files.readAllLines(log)) {
            Matcher timestamped = TIMESTAMPED.matcher(line);
            if (!timestamped.matches()) {
                continue;
            }
            long millis = LocalTime.parse(timestamped.group(1)).toNanoOfDay() / 1_000_000;
            String text = timestamped.group(2);
            Matcher header = HEADER.matcher(text);
            if (text.startsWith("Scanning for projects")) {
                open = TO_FIRST_GOAL;
                since = millis;
            } else if (header.matches() || text.startsWith("BUILD ")) {
                if (open != null) {
                    spans.merge(open, millis - since, Long::sum);
                }
                open = header.matches() ? header.group(1) + ":" + header.group(2) : null;
                since = millis;
            }
        }
        return spans;
    }
}
