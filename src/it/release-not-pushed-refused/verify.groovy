import dev.gantry.it.ItProject

def it = ItProject.at(basedir)
def head = it.head().substring(0, 7)
def pushed = it.git('rev-parse', 'HEAD~1').trim().substring(0, 7)
def refusal = "Not releasing commit ${head}: origin's main (at ${pushed}) does not hold it. The commit was not " +
        "pushed, or main was rewritten past it (a force-push); a release is made from the branch as the remote has it, " +
        "so that its tag lies on the branch's history. Push the commit (git push) and let its pipeline release it, or " +
        "release from a commit origin's main holds. If the branch's remote in this clone is not origin, name it with " +
        "<gitRemote> or -Dgantry.git.remote=<name>."
def log = new File(basedir, 'build.log').text

// 1: the preview warns, and the build goes on
assert log.contains("[WARNING] mvn deploy would refuse: ${refusal}"), log.readLines().findAll { it.contains('refuse') }
// 2: refused in validate: nothing compiled, published or tagged after it
def deployRun = log.substring(log.lastIndexOf('BUILD SUCCESS'))
assert deployRun.contains("[ERROR] ") && deployRun.contains(refusal)
assert !deployRun.contains('--- compiler:') && !deployRun.contains('Published ')
assert !new File(basedir, '../release-not-pushed-refused-maven-repo').exists()
assert !it.remoteTags().any { it.startsWith('v1.1.0=') }
return true
