import dev.gantry.it.ItBuildSettings
import dev.gantry.it.ItProject
import dev.gantry.it.ItProxy
import dev.gantry.it.ItRegistry

// develop, behind a company's proxy that asks for credentials: settings.xml declares it (an http proxy, which Maven
// also uses for https targets) and the credentials of the company's HTTPS registry, which is reached only through it.
ItProject.at(basedir).init('main')
        .withVersion('1.1.0').commit('Release 1.1.0').tag('v1.1.0').push()
        .checkout('develop').withVersion('1.2.0-SNAPSHOT').commit('Start 1.2.0').push()
def registry = ItRegistry.startSecuredFor(basedir, 'orders')
ItProxy.startFor(basedir, 'nexus.example.invalid|*.corp.example.invalid', registry, ItRegistry.SECURED_USER,
        ItRegistry.SECURED_PASSWORD)
// The JDK sends nothing for localhost or 127.* through a proxy, whatever nonProxyHosts says, unless that is set empty
// (as here, where it also wins over the settings' list): this registry is on loopback, a company's is not.
ItBuildSettings.of(basedir).jvm('http.nonProxyHosts', '')
return true
