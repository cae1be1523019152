import dev.gantry.it.ItEcr
import dev.gantry.it.ItProject
import dev.gantry.it.ItProxy
import dev.gantry.it.ItRegistry

def it = ItProject.at(basedir)
def registry = ItRegistry.of(basedir)
def sha = 'sha-' + it.head().substring(0, 12)
assert registry.tags('orders') == [sha, '1.1.0-SNAPSHOT', 'develop', 'dev-latest'].sort()
// the ECR API answered (the token, the look-up of the tags), and every call came through the proxy
def calls = ItEcr.calls(basedir)
assert calls.count('GetAuthorizationToken') == 1 : calls
// (Maven 4 also sends its own look-ups of Central through the settings' proxy)
def relayed = ItProxy.requests(basedir).findAll { it.contains('127.0.0.1') }
assert relayed.every { it ==~ /POST http:\/\/127\.0\.0\.1:\d+\// } : relayed
// the four API calls (GetAuthorizationToken, provisioning's two checks, BatchGetImage), no registry request
assert relayed.size() == calls.findAll { !it.contains(' ') }.size() : "${relayed} ${calls}"
assert relayed.size() >= 2
// the registry's own host stayed out of it: the settings' nonProxyHosts reached the JVM
assert !ItProxy.requests(basedir).any { it.contains('amazonaws.com') }
def log = new File(basedir, 'build.log').text
assert log.contains('Image registry and AWS calls: https targets through the proxy company-proxy (127.0.0.1:')
assert !log.contains('Image registry and AWS calls: http targets')
assert log.contains('Image registry and AWS calls: not through a proxy: *.amazonaws.com.')
assert log.contains('BUILD SUCCESS')
return true
