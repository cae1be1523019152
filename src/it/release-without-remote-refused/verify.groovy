def log = new File(basedir, 'build.log').text
def refusal = "No git remote 'origin' is configured in this clone, yet 1.1.0 would be released: Gantry could not ask " +
        "the remote whether v1.1.0 exists there already (a release from another clone), and would create v1.1.0 in " +
        "this clone only, so the next pipeline would not know 1.1.0 is released. Nothing was built or published. Add " +
        "the remote (git remote add origin <url>), or name the one this clone has with <gitRemote> or " +
        "-Dgantry.git.remote=<name>."

// 1: refused in validate: nothing compiled, published or tagged before it
assert log.contains(refusal), "build.log lacks: $refusal"
def firstRun = log.substring(0, log.indexOf(refusal))
assert !firstRun.contains('--- compiler:') && !firstRun.contains('Published ')

// 2: with the remote named, released and tagged there
def repo = new File(basedir, '../release-without-remote-refused-maven-repo/it/gantry/orders/1.1.0')
assert new File(repo, 'orders-1.1.0.jar').isFile()
def remote = new File(basedir, '../release-without-remote-refused-remote.git')
assert ['git', '-C', remote.path, 'tag'].execute().text.readLines().contains('v1.1.0')
assert log.contains('v1.1.0 created on') && log.contains('and pushed to upstream')
return true
