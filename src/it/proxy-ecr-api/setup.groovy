import dev.gantry.it.ItEcr
import dev.gantry.it.ItProject
import dev.gantry.it.ItProxy

// develop to ECR, behind a company's proxy declared for https targets only (settings.xml): the AWS SDK's calls go
// through it (the SDK's client reads the https.* properties for them, not its default http.*); the registry's host
// (*.amazonaws.com, which only this build's JVM resolves, to loopback) is one of the settings' nonProxyHosts. The
// stand-in's API speaks plain HTTP, so the proxy asks for no credentials here: a proxy's 407 to a plain POST is not
// answered by the JDK (ECR's HTTPS goes in a tunnel, whose CONNECT is; proxy-from-settings covers that with Jib).
ItProject.at(basedir).init('develop')
        .withVersion('1.1.0-SNAPSHOT').commit('Start 1.1.0').push()
ItEcr.startFor(basedir, 'orders', 'MUTABLE')
ItProxy.startWithoutCredentialsFor(basedir, 'https', '*.amazonaws.com')
return true
