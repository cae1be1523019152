import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry

def log = new File(basedir, 'build.log').text
def registry = ItRegistry.of(basedir)
def host = new File(basedir, 'registry.host').text.trim()

// 1: the plan, made in the parent, reads the image repository where the image is built: the service module's
assert log.contains("image:     $host/shop/orders tags")
def sha = 'sha-' + ItProject.at(basedir).head().substring(0, 12)
assert registry.tags('shop/orders') == [sha, '1.1.0-SNAPSHOT', 'develop', 'dev-latest'].sort()

// 2: a setting of the plan in the service module's own properties: refused before anything is built
def refused = "Module shop-orders sets Gantry's <flow> to trunk (<gantry.flow>trunk</gantry.flow> in the module's " +
        "<properties>), but Gantry makes one plan for the whole reactor, in shop, where <flow> is gitflow: the " +
        "module's value would be ignored. Nothing was built or published. Set <flow> where the plan is made, in shop's " +
        "POM (or the parent POM the modules inherit gantry-maven-plugin from), and remove it from module shop-orders " +
        "(its gantry-maven-plugin configuration or <properties>, or the parent POM it inherits them from)."
assert log.contains(refused), "build.log lacks: $refused"
assert ItRegistry.requestsAnswered(basedir).count { it.startsWith('PUT /v2/shop/orders/manifests/') } == 4
return true
