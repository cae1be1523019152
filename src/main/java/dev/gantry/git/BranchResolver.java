package dev.gantry.git;

import dev.gantry.git.ci.CiBranch;
import dev.gantry.git.ci.CiDetector;
import dev.gantry.release.GantryException;
import dev.gantry.release.Refusals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which branch is being built: {@code -Dgantry.branch} when given, else the checked-out branch, else what the CI
 * system's variables say (CI checkouts usually leave HEAD detached). The checked-out branch comes before the CI's
 * variables because it is what the build actually sees; CI variables may describe a pull request's merge. Whether
 * the CI builds a pull request is reported too, unless {@code -Dgantry.branch} takes the decision out of its hands.
 */
public final class BranchResolver {

    public static final String OVERRIDE_SOURCE = "-Dgantry.branch";
    public static final String CHECKED_OUT_SOURCE = "checked-out branch";

    private BranchResolver() {
    }

    /**
     * The branch an override names when it is passed a ref or a remote-tracking name, as CI variables hold them
     * ({@code -Dgantry.branch=$GIT_BRANCH} is {@code origin/main} on Jenkins): {@code refs/heads/main},
     * {@code refs/remotes/origin/main} and {@code <gitRemote>/main} all name {@code main}.
     */
    static String branchName(String value, String gitRemote) {
        return CiDetector.branchNamed(value, gitRemote).orElse(value);
    }

    /**
     * @param override         the value of {@code gantry.branch}, or null/blank for none
     * @param checkedOutBranch the branch HEAD is on, empty when detached
     * @param env              the process environment (or a test's)
     * @param gitRemote        the git remote the build reads, whose name a CI variable may carry as a prefix
     */
    public static ResolvedBranch resolve(String override, Optional<String> checkedOutBranch, Map<String, String> env,
            String gitRemote) throws GantryException {
        if (override != null && !override.isBlank()) {
            return new ResolvedBranch(branchName(override.trim(), gitRemote), OVERRIDE_SOURCE);
        }
        String pullRequest = CiDetector.pullRequest(env).orElse(null);
        if (checkedOutBranch.isPresent()) {
            return new ResolvedBranch(checkedOutBranch.get(), CHECKED_OUT_SOURCE, pullRequest);
        }
        Optional<CiBranch> ci = CiDetector.branch(env, gitRemote);
        if (ci.isPresent()) {
            return new ResolvedBranch(ci.get().name(), ci.get().source(), pullRequest);
        }
        Optional<String> tag = CiDetector.tagBuild(env);
        if (tag.isPresent()) {
            throw Refusals.tagBuild(tag.get());
        }
        List<String> tried = new ArrayList<>();
        tried.add("HEAD");
        tried.addAll(CiDetector.branchVariables());
        throw Refusals.noBranch(String.join(", ", tried), CiDetector.unreadBranchVariables(env));
    }
}
