import dev.gantry.it.ItCodeArtifact
import dev.gantry.it.ItEcr
import dev.gantry.it.ItProject

// A service on main whose 1.1.0 is released (tag v1.1.0 on an earlier commit); the last commit changes code only, so
// the version is the released one: nothing to release. Its image would go to ECR and its artifacts to CodeArtifact.
ItProject.at(basedir).init('main')
        .withVersion('1.1.0').commit('Release 1.1.0').tag('v1.1.0').push()
        .commit('Fix a typo, no version change').push()
ItEcr.startFor(basedir, 'orders', 'IMMUTABLE_WITH_EXCLUSION', 'latest', 'develop', 'dev-latest', '*-SNAPSHOT')
ItCodeArtifact.startFor(basedir, 'releases')
return true
