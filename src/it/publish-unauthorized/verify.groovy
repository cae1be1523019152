import dev.gantry.it.ItProject

def log = new File(basedir, 'build.log').text
def expected = "The repository asked for credentials: add a <server> with <id>it-anonymous</id> and its username and password to settings.xml."
assert log.contains(expected), "build.log lacks: $expected"
assert !new File(basedir, '../publish-unauthorized-http-repo/it').exists()
assert !ItProject.at(basedir).remoteTags().any { it.startsWith('v1.1.0=') }
return true
