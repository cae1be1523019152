import dev.gantry.it.ItCodeArtifact
import dev.gantry.it.ItEcr
import dev.gantry.it.ItProject

// A service on main (gitflow, the default): 1.0.0 was released, the last commit bumps the version to 1.1.0. Its image
// goes to ECR and its artifacts to CodeArtifact, both stand-ins in one build, each reached with its own AWS token.
ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .withVersion('1.1.0').commit('Bump to 1.1.0').push()
ItEcr.startFor(basedir, 'orders', 'IMMUTABLE_WITH_EXCLUSION', 'latest', 'develop', 'dev-latest', '*-SNAPSHOT')
ItCodeArtifact.startFor(basedir, 'releases')
return true
