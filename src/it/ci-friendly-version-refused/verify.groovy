def log = new File(basedir, 'build.log').text
def forgotChangelist = '''Version 1.1.0-SNAPSHOT on branch 'main': this branch releases stable versions and requires X.Y.Z, not a -SNAPSHOT (branch 'main' → stable, moving image tags [latest]). Set changelist to '' for the version to read 1.1.0 (pom.xml's <version> is ${revision}${changelist}: revision is '1.1.0', given in .mvn/maven.config; changelist is '-SNAPSHOT', from the <properties> of pom.xml) to release it, or build this commit on a snapshot branch.'''
assert log.contains(forgotChangelist), "build.log lacks: $forgotChangelist"
def notARelease = '''Version '2.0.0-RC1' on branch 'main' is not a release version'''
def fromCommandLine = '''Set the version (pom.xml's <version> is ${revision}${changelist}: revision is '2.0.0-RC1', given with -Drevision on the command line; changelist is '', given with -Dchangelist on the command line) to the form X.Y.Z.'''
assert log.contains(notARelease), "build.log lacks: $notARelease"
assert log.contains(fromCommandLine), "build.log lacks: $fromCommandLine"
assert !log.contains('in pom.xml to'), 'a CI-friendly version is not set in pom.xml'
// refused in validate: nothing compiled, nothing published
assert !new File(basedir, 'target/classes').exists()
assert !new File(basedir, '../ci-friendly-version-refused-maven-repo').exists()
return true
