import dev.gantry.it.ItMavenRepository
import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry

// The branch's commits A (2026-01-01T10:01:00Z) and B (10:02), then develop reset to A and force-pushed: HEAD is A,
// the remote's tip; B's build had pushed its image, moved the moving tags and published its snapshot.
def it = ItProject.at(basedir).init('develop').withVersion('1.2.0-SNAPSHOT').commit('Start 1.2.0').push()
def older = it.head()
it.write('NOTES.md', 'the newer commit\n').commit('The newer commit').push()
def newer = it.head()
it.git('reset', '-q', '--hard', older)
it.git('push', '-q', '--force', 'origin', 'HEAD')
ItRegistry.startFor(basedir, 'orders')
// B's build pushed its image and moved the moving tags to it, after publishing its snapshot (below)
ItRegistry.pushImageOfNewerCommit(basedir, 'orders', newer, '2026-01-01T10:02:00Z', '1.2.0-SNAPSHOT',
        '1.2.0-SNAPSHOT', 'develop', 'dev-latest', 'sha-' + newer.substring(0, 12))

// the newer commit's snapshot, as maven-deploy-plugin or Gantry deploys one to a file repository
ItMavenRepository.writeSnapshotBuild(basedir, '1.2.0-SNAPSHOT', '20260101.100200')
return true
