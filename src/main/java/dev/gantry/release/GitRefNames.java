package dev.gantry.release;

/**
 * The rules of {@code git check-ref-format} that a tag name must satisfy. Written here because the
 * core may not depend on JGit (whose {@code Repository.isValidRefName} says the same).
 */
final class GitRefNames {

    private GitRefNames() {
    }

    /** Also {@code git tag}'s own rule: no name starting with '-', which it would read as an option. */
    static boolean isValidTagName(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.startsWith("-") || name.endsWith("/") || name.endsWith(".")
                || name.contains("..") || name.contains("//") || name.contains("@{") || name.equals("@")) {
            return false;
        }
        for (String component : name.split("/")) {
            if (component.startsWith(".") || component.endsWith(".lock")) {
                return false;
            }
        }
        for (char c : name.toCharArray()) {
            if (c <= ' ' || c == 0x7f || "~^:?*[\\".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }
}
