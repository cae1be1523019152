import dev.gantry.it.ItCodeArtifact
import dev.gantry.it.ItProject

// A library on main (trunk flow) releases 1.1.0 with CI credentials that may check the repository but whose IAM policy
// lacks sts:GetServiceBearerToken, which CodeArtifact's GetAuthorizationToken needs: no repository token can be had.
ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .withVersion('1.1.0').commit('Bump to 1.1.0').push()
ItCodeArtifact.startFor(basedir, 'releases').deny('sts:GetServiceBearerToken')
return true
