import dev.gantry.it.ItCodeArtifact
import groovy.json.JsonSlurper

// three publishes made three builds: 1.0.0-SNAPSHOT serves the last one, the only build left (Unlisted, as CodeArtifact
// marks every build once its snapshot version is published)
def versions = ItCodeArtifact.versions(basedir, 'snapshots', 'it.acme', 'lib')
def builds = versions.keySet().findAll { it != '1.0.0-SNAPSHOT' } as List
assert versions['1.0.0-SNAPSHOT'] == 'Published' : versions
assert builds.size() == 1 && builds[0] ==~ /1\.0\.0-\d{8}\.\d{6}-3/ : versions
assert versions[builds[0]] == 'Unlisted' : versions
def assets = ItCodeArtifact.assetSha256(basedir, 'snapshots', 'it.acme', 'lib', '1.0.0-SNAPSHOT')
assert assets.containsKey(builds[0].replace('1.0.0-', 'lib-1.0.0-') + '.jar') : assets

// the second and the third publish each deleted the build before them, and said so
def log = new File(basedir, 'build.log').text
def deleted = log.readLines().findAll { it.contains('Deleted') && it.contains('earlier build') }
assert deleted.size() == 2 : deleted
['1', '2'].eachWithIndex { build, i ->
    assert deleted[i] ==~ /\[INFO\] Deleted 1 earlier build of it\.acme:lib:1\.0\.0-SNAPSHOT from CodeArtifact \(repository snapshots in domain acme \(owner 123456789012, region us-east-1\)\), keeping the newest 1: 1\.0\.0-\d{8}\.\d{6}-$build\./ : deleted[i]
}
// per publish: one token, one listing of the builds; no release check for a snapshot
def calls = ItCodeArtifact.calls(basedir)
assert calls.count('GetAuthorizationToken') == 3 : calls
assert calls.count('ListPackageVersions') == 3 : calls
assert calls.count('DeletePackageVersions') == 2 : calls
assert !calls.contains('DescribePackageVersion') : calls

def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.release == 'snapshot'
assert release.artifacts.files*.outcome.unique() == ['published']
assert release.gitTags == []
return true
