def log = new File(basedir, 'build.log').text

// first run, no flatten-maven-plugin: refused in validate, before anything is compiled
def inPlan = '''The POMs this build would publish have their version unresolved, as written: <version>${revision}</version> (lib-parent), <parent><version>${revision}</version> (lib-core), <parent><version>${revision}</version> (lib-api). Maven 3.9 deploys a module's POM as written, and no consumer could resolve that version or read the parent it names: the release would be published broken, and a release is immutable. Nothing was built or published. Add flatten-maven-plugin (org.codehaus.mojo) with <flattenMode>resolveCiFriendliesOnly</flattenMode>'''
assert log.contains(inPlan), "build.log lacks: $inPlan"

// second run, flatten-maven-plugin without <updatePomFile>: the jar modules' POMs would be replaced by flattened ones,
// the parent's (a pom module) would be published as written: refused in validate too, naming the setting
def withFlatten = '''The POM this build would publish has its version unresolved, as written: <version>${revision}</version> (lib-parent: flatten-maven-plugin leaves a pom module's POM as written without <updatePomFile>true</updatePomFile>). Maven 3.9 deploys a module's POM as written'''
assert log.contains(withFlatten), "build.log lacks: $withFlatten"

assert !new File(basedir, 'core/target/classes').exists(), 'neither run compiled anything'
assert !new File(basedir, '../ci-friendly-without-flatten-refused-maven-repo').exists()
assert !log.contains('v1.1.0 created')
return true
