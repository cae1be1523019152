package dev.gantry.release;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A pattern where {@code *} matches any run of characters and nothing else is special: a branch rule's pattern, and
 * ECR's tag filters (tag mutability exclusion filters, lifecycle {@code tagPatternList}s). For a tag filter it also
 * answers the question that makes an exclusion filter safe: could it match any tag Gantry pushes as immutable?
 */
final class Wildcard {

    private static final String DIGITS = "0123456789";
    private static final String HEX = "0123456789abcdef";

    /**
     * The immutable tags of every plan, one position per character ({@code +}: the position repeats): a stable
     * version {@code X.Y.Z} and the commit tag {@code sha-<12 hex>}.
     */
    private static final List<List<Position>> IMMUTABLE_SHAPES = List.of(
            List.of(Position.some(DIGITS), Position.one("."), Position.some(DIGITS), Position.one("."), Position.some(DIGITS)),
            commitTagShape());

    private Wildcard() {
    }

    static boolean matches(String pattern, String text) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.matches(regex.toString(), text);
    }

    /** Whether some release version or commit tag ({@code 1.4.0}, {@code sha-0123456789ab}) matches the filter. */
    static boolean couldMatchImmutableTag(String filter) {
        return IMMUTABLE_SHAPES.stream().anyMatch(shape -> intersects(filter, shape));
    }

    /**
     * Whether the filter and the shape have a tag in common: a search over pairs of states of the two automata
     * (filter position, shape position), stepping both on each character the shape can read.
     */
    private static boolean intersects(String filter, List<Position> shape) {
        Set<String> alphabet = new HashSet<>();
        shape.forEach(p -> p.chars().chars().forEach(c -> alphabet.add(String.valueOf((char) c))));
        Deque<int[]> todo = new ArrayDeque<>();
        Set<Long> seen = new HashSet<>();
        for (int f : closure(filter, 0)) {
            todo.add(new int[] {f, 0});
        }
        while (!todo.isEmpty()) {
            int[] state = todo.poll();
            int f = state[0];
            int s = state[1];
            if (!seen.add(((long) f << 32) | s)) {
                continue;
            }
            if (f == filter.length() && s == shape.size()) {
                return true;
            }
            for (String c : alphabet) {
                for (int nextS : shapeSteps(shape, s, c.charAt(0))) {
                    for (int nextF : filterSteps(filter, f, c.charAt(0))) {
                        todo.add(new int[] {nextF, nextS});
                    }
                }
            }
        }
        return false;
    }

    private static Set<Integer> shapeSteps(List<Position> shape, int s, char c) {
        Set<Integer> next = new HashSet<>();
        if (s < shape.size() && shape.get(s).accepts(c)) {
            next.add(s + 1);
        }
        if (s > 0 && shape.get(s - 1).repeats() && shape.get(s - 1).accepts(c)) {
            next.add(s);
        }
        return next;
    }

    private static Set<Integer> filterSteps(String filter, int f, char c) {
        Set<Integer> next = new HashSet<>();
        if (f < filter.length()) {
            char p = filter.charAt(f);
            if (p == '*') {
                next.addAll(closure(filter, f));
            } else if (p == c) {
                next.addAll(closure(filter, f + 1));
            }
        }
        return next;
    }

    /** The filter positions reachable from f without reading a character: a star may match nothing. */
    private static Set<Integer> closure(String filter, int f) {
        Set<Integer> reach = new HashSet<>();
        reach.add(f);
        while (f < filter.length() && filter.charAt(f) == '*') {
            reach.add(++f);
        }
        return reach;
    }

    private static List<Position> commitTagShape() {
        List<Position> shape = new java.util.ArrayList<>(List.of(Position.one("s"), Position.one("h"), Position.one("a"),
                Position.one("-")));
        for (int i = 0; i < 12; i++) {
            shape.add(Position.one(HEX));
        }
        return List.copyOf(shape);
    }

    private record Position(String chars, boolean repeats) {

        static Position one(String chars) {
            return new Position(chars, false);
        }

        static Position some(String chars) {
            return new Position(chars, true);
        }

        boolean accepts(char c) {
            return chars.indexOf(c) >= 0;
        }
    }
}
