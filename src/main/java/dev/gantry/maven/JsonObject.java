package dev.gantry.maven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object for Gantry's reports (plan.json, release.json), written without a JSON library: the plan is written in
 * validate, and loading Jackson there cost the plan about a tenth of a second in every build. Keys keep their order;
 * values are strings, booleans, null, objects and arrays of objects, which is all the reports hold.
 */
final class JsonObject {

    private final Map<String, Object> members = new LinkedHashMap<>();

    JsonObject put(String key, String value) {
        return member(key, value);
    }

    JsonObject put(String key, boolean value) {
        return member(key, value);
    }

    JsonObject putNull(String key) {
        return member(key, null);
    }

    /** Sets a member to an object, or to null. */
    JsonObject set(String key, JsonObject value) {
        return member(key, value);
    }

    private JsonObject member(String key, Object value) {
        members.put(key, value);
        return this;
    }

    JsonObject putObject(String key) {
        JsonObject child = new JsonObject();
        members.put(key, child);
        return child;
    }

    Array putArray(String key) {
        Array array = new Array();
        members.put(key, array);
        return array;
    }

    /** An array of objects. */
    static final class Array {

        private final List<JsonObject> items = new ArrayList<>();

        JsonObject addObject() {
            JsonObject item = new JsonObject();
            items.add(item);
            return item;
        }
    }

    /** The object, indented by two spaces per level. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        write(out, "");
        return out.toString();
    }

    private void write(StringBuilder out, String indent) {
        if (members.isEmpty()) {
            out.append("{ }");
            return;
        }
        out.append("{\n");
        String inner = indent + "  ";
        int i = 0;
        for (Map.Entry<String, Object> member : members.entrySet()) {
            out.append(inner);
            string(out, member.getKey());
            out.append(" : ");
            value(out, member.getValue(), inner);
            out.append(++i < members.size() ? ",\n" : "\n");
        }
        out.append(indent).append('}');
    }

    private static void value(StringBuilder out, Object value, String indent) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Boolean b) {
            out.append(b);
        } else if (value instanceof JsonObject o) {
            o.write(out, indent);
        } else {
            List<JsonObject> items = ((Array) value).items;
            if (items.isEmpty()) {
                out.append("[ ]");
                return;
            }
            out.append("[ ");
            for (int i = 0; i < items.size(); i++) {
                items.get(i).write(out, indent);
                out.append(i + 1 < items.size() ? ", " : " ");
            }
            out.append(']');
        }
    }

    /** A JSON string: quotes, backslashes and control characters escaped (RFC 8259, section 7). */
    static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
