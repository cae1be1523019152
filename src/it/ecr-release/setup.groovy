import dev.gantry.it.ItEcr
import dev.gantry.it.ItProject

// main: 1.0.0 was released; the last commit bumps the version to 1.1.0. The image goes to ECR (the stand-in), whose
// repository exists with immutable tags except the moving ones. No credentials are configured: the token comes from ECR.
ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .withVersion('1.1.0').commit('Bump to 1.1.0').push()
ItEcr.startFor(basedir, 'orders', 'IMMUTABLE_WITH_EXCLUSION', 'latest', 'develop', 'dev-latest', '*-SNAPSHOT')
return true
