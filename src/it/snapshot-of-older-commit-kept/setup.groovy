import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry

// this build's commit is 2026-01-01T10:01:00Z (ItProject dates its commits); the newer one's an hour later
ItProject.at(basedir).init('develop').withVersion('1.2.0-SNAPSHOT').commit('Start 1.2.0').push()
ItRegistry.startFor(basedir, 'orders')
ItRegistry.pushImageOfNewerCommit(basedir, 'orders', 'b' * 40, '2026-01-01T11:00:00Z', '1.2.0-SNAPSHOT',
        '1.2.0-SNAPSHOT', 'develop', 'dev-latest', 'sha-' + 'b' * 12)

// the newer commit's snapshot, as maven-deploy-plugin or Gantry deploys one to a file repository
def snapshot = new File(basedir, '../snapshot-of-older-commit-kept-maven-repo/it/gantry/orders/1.2.0-SNAPSHOT')
snapshot.mkdirs()
def build = '1.2.0-20260101.110000-1'
new File(snapshot, "orders-${build}.jar").text = 'the newer commit\'s classes'
new File(snapshot, "orders-${build}.pom").text = '<project/>'
new File(snapshot, 'maven-metadata.xml').text = """<?xml version="1.0" encoding="UTF-8"?>
<metadata modelVersion="1.1.0">
  <groupId>it.gantry</groupId>
  <artifactId>orders</artifactId>
  <version>1.2.0-SNAPSHOT</version>
  <versioning>
    <snapshot><timestamp>20260101.110000</timestamp><buildNumber>1</buildNumber></snapshot>
    <lastUpdated>20260101110000</lastUpdated>
    <snapshotVersions>
      <snapshotVersion><extension>jar</extension><value>${build}</value><updated>20260101110000</updated></snapshotVersion>
      <snapshotVersion><extension>pom</extension><value>${build}</value><updated>20260101110000</updated></snapshotVersion>
    </snapshotVersions>
  </versioning>
</metadata>
"""
return true
