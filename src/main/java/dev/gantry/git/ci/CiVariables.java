package dev.gantry.git.ci;

import java.util.Map;
import java.util.Optional;

/** The few rules shared by every CI system: blank means unset, and only {@code refs/heads/…} refs are branches. */
final class CiVariables {

    private static final String HEADS = "refs/heads/";

    private CiVariables() {
    }

    /** The variable's trimmed value, empty when it is unset or blank (CI systems export empty variables freely). */
    static Optional<String> value(Map<String, String> env, String variable) {
        String value = env.get(variable);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    static boolean isSet(Map<String, String> env, String variable) {
        return value(env, variable).isPresent();
    }

    static boolean isTrue(Map<String, String> env, String variable) {
        return value(env, variable).map(v -> v.equalsIgnoreCase("true")).orElse(false);
    }

    /**
     * The branch a ref names: {@code refs/heads/x} → {@code x}; any other {@code refs/…} (tags, pull requests,
     * merge requests) → empty; a bare name is taken as a branch name.
     */
    static Optional<String> branchOfRef(String ref) {
        if (ref.startsWith(HEADS)) {
            return nonEmpty(ref.substring(HEADS.length()));
        }
        return ref.startsWith("refs/") ? Optional.empty() : Optional.of(ref);
    }

    /** The branch in a variable holding a full ref or a bare branch name, as {@link #branchOfRef} reads it. */
    static Optional<CiBranch> refVariable(Map<String, String> env, String variable, String ci) {
        return value(env, variable).flatMap(CiVariables::branchOfRef).map(name -> new CiBranch(name, variable, ci));
    }

    /** The variable's value taken as a branch name as it is. */
    static Optional<CiBranch> nameVariable(Map<String, String> env, String variable, String ci) {
        return value(env, variable).map(name -> new CiBranch(name, variable, ci));
    }

    private static Optional<String> nonEmpty(String s) {
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
