import dev.gantry.it.ItCodeArtifact
import dev.gantry.it.ItProject

def url = new File(basedir, '.mvn/maven.config').readLines().find { it.startsWith('-Dcodeartifact.url=') } - '-Dcodeartifact.url='
assert url ==~ /https:\/\/acme-123456789012\.d\.codeartifact\.us-east-1\.amazonaws\.com:\d+\/releases\// : url
def lines = new File(basedir, 'build.log').readLines()

// with the plan, before anything is compiled: the URL found, the forms expected, what happens
def warning = '[WARNING] The repository URL ' + url + ' names an AWS CodeArtifact host, but not in a form Gantry ' +
        'recognises as CodeArtifact\'s: https://<domain>-<owner>.d.codeartifact.<region>.amazonaws.com/maven/<repository>/ ' +
        'as aws codeartifact get-repository-endpoint --format maven prints it, its dual-stack twin ' +
        'https://<domain>-<owner>.codeartifact.<region>.on.aws/maven/<repository>/ (--endpoint-type dualstack), or a ' +
        'VPC endpoint\'s https://vpce-<id>.d.codeartifact.<region>.vpce.amazonaws.com/maven/d/<domain>-<owner>/' +
        '<repository>/. It is published to as a plain Maven repository, with the credentials of the settings.xml ' +
        '<server> of its id, and Gantry fetches no CodeArtifact token for it: without such a <server>, CodeArtifact ' +
        'answers 401. Put the URL get-repository-endpoint prints in <distributionManagement> (Gantry\'s ' +
        'docs/codeartifact.md).'
def warned = lines.indexOf(warning)
assert warned >= 0 : lines.findAll { it.startsWith('[WARNING]') }
assert lines.count(warning) == 1
def compiled = lines.findIndexOf { it ==~ /\[INFO\] --- compiler:.*:compile .*/ }
assert compiled > 0 : 'the compiler ran'
assert compiled > warned : "compiled at line ${compiled}, warned at line ${warned}"

// the 401 of the release check says which URL to use, not to add a settings.xml server
def failure = lines.find { it.startsWith('[ERROR] Failed to execute goal') }
assert failure?.contains('Cannot check whether the release is already in repository \'company\' (' + url + '): ') : failure
assert failure.contains('401')
assert failure.contains('The URL names an AWS CodeArtifact host, but not in a form Gantry recognises, so it fetched ' +
        'no CodeArtifact token for it: use the URL that aws codeartifact get-repository-endpoint --format maven prints, ' +
        'https://<domain>-<owner>.d.codeartifact.<region>.amazonaws.com/maven/<repository>/ (or its dual-stack or VPC ' +
        'endpoint form: Gantry\'s docs/codeartifact.md). Nothing was published.') : failure
assert !failure.contains('add a <server>') : failure

// CodeArtifact's API was never asked (no token, no release check through it), nothing was published, nothing tagged
def calls = ItCodeArtifact.calls(basedir)
assert calls.every { it.startsWith('GET ') } : calls
assert ItCodeArtifact.versions(basedir, 'releases', 'it.acme', 'lib').isEmpty()
assert !ItProject.at(basedir).remoteTags().any { it.startsWith('v1.1.0=') }
return true
