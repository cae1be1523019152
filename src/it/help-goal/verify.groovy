def log = new File(basedir, 'build.log').text
['gantry:plan', 'gantry:image', 'gantry:publish', 'gantry:tag', 'gantry:help'].each {
    assert log.contains(it), "help lacks $it"
}
['gantry.dryRun', 'gantry.branch', 'gantry.flow', 'gantry.image.repository', 'gantry.image.from',
 'gantry.image.allowInsecureRegistries', 'gantry.git.remote', 'gantry.skip'].each {
    assert log.contains("User property: $it"), "help lacks the property $it"
}
return true
