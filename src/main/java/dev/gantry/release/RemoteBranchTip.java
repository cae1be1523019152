package dev.gantry.release;

/**
 * Where a remote's branch is: the commit at its tip.
 *
 * @param remote the remote's name in this clone ({@code origin})
 * @param branch the branch's name ({@code main})
 * @param commit the full id of the commit at its tip
 */
public record RemoteBranchTip(String remote, String branch, String commit) {
}
