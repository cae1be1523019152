def log = new File(basedir, 'build.log').text
['gantry:plan', 'gantry:image', 'gantry:publish', 'gantry:tag', 'gantry:help'].each {
    assert log.contains(it), "help lacks $it"
}
['gantry.dryRun', 'gantry.branch', 'gantry.flow', 'gantry.image.repository', 'gantry.image.from',
 'gantry.image.allowInsecureRegistries', 'gantry.git.remote', 'gantry.skip'].each {
    assert log.contains("User property: $it"), "help lacks the property $it"
}
// the platforms parameter names what is pushed as images.md does (help wraps lines: compare with spaces joined)
assert log.replaceAll(/\s+/, ' ').contains('pushes a multi-platform image, a Docker manifest list (jib-core builds no OCI index)')
return true
