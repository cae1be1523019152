import dev.gantry.it.ItProject
import dev.gantry.it.ItProxy
import dev.gantry.it.ItRegistry

def it = ItProject.at(basedir)
def sha = 'sha-' + it.head().substring(0, 12)
def registry = new File(basedir, 'registry.host').text.trim()
// the image went out whole: the registry took its four tags
def answered = ItRegistry.requestsAnswered(basedir)
[sha, '1.2.0-SNAPSHOT', 'develop', 'dev-latest'].each { tag ->
    assert answered.contains("PUT /v2/orders/manifests/${tag} 201".toString()) : answered
}
// and it was reached through the proxy's tunnels (Maven 4 also sends its own look-ups of Central through the
// settings' proxy); nothing else of the build would go there
def relayed = ItProxy.requests(basedir)
assert relayed.count("CONNECT ${registry}".toString()) >= 2 : relayed
// tunnels it opened, not only asked for: with wrong credentials it logs the CONNECTs and opens none
assert ItProxy.established(basedir) >= 2
assert relayed.findAll { it.contains('127.0.0.1') }.every { it == "CONNECT ${registry}".toString() } : relayed

def log = new File(basedir, 'build.log').text
assert log.contains('Image registry and AWS calls: http targets through the proxy company-proxy (127.0.0.1:')
assert log.contains('Image registry and AWS calls: https targets through the proxy company-proxy (127.0.0.1:')
// the IT's own -Dhttp.nonProxyHosts (empty, so that loopback goes through the proxy) wins over the settings' list,
// and the log says so
assert log.contains('Image registry and AWS calls: every host through the proxy, even this machine\'s: the JVM\'s '
        + 'http.nonProxyHosts is set empty, which wins over settings.xml\'s nexus.example.invalid|*.corp.example.invalid.')
assert !log.contains(ItProxy.PASSWORD)
assert log.contains('BUILD SUCCESS')
return true
