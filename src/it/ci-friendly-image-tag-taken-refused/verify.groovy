def log = new File(basedir, 'build.log').text
def foreign = new File(basedir, 'foreign.digest').text.trim()
assert log.contains('orders:1.1.0 is already released as ' + foreign + ' (built from an unknown commit')
// read from the POM as written: by deploy, flatten-maven-plugin has put its flattened POM, the version resolved, in place
def expected = "; bump the version (pom.xml's <version> is \${revision}\${changelist}: revision is '1.1.0', from the " +
        "<properties> of pom.xml; changelist is '', given with -Dchangelist on the command line). An immutable image tag " +
        'never moves'
assert log.contains(expected), 'build.log lacks: ' + expected
assert !log.contains('bump the version in pom.xml')
return true
