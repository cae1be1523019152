import groovy.json.JsonSlurper

// two services in one reactor: one image, from the last, and the other named in a warning with what to do
def log = new File(basedir, 'build.log').text
assert log.contains("Image built from module shop-billing: the reactor's last module with packaging jar")
def warning = '[WARNING] Other modules of this reactor are services of their own (shop-orders: Spring Boot\'s plugin or ' +
        'Quarkus\'s packaging), and Gantry builds one image per reactor, from shop-billing: theirs is not built, their ' +
        'jars are published; no image goes to the image repository that shop-orders (registry.example.com/shop/orders) ' +
        'names in its own POM. To ship each as an image, give each service a repository (a reactor) of its own, or run one ' +
        'mvn deploy per service, one after another, each with -Dgantry.image.module=<module> and ' +
        '-Dgantry.image.repository=<its image repository> (a POM that sets <imageModule> must set it to ' +
        '${gantry.image.module}, and one that sets <imageRepository> to ${gantry.image.repository}, for -D to choose); ' +
        'on a branch with an environment tag, the first of those deploys moves it before the others\' images exist.'
assert log.contains(warning), "build.log lacks: $warning"
assert log.count('Other modules of this reactor are services of their own') == 1, 'warned of in the deploy only'
// the first run chose the module as that advice says: one line, no warning
assert log.contains('Image built from module shop-orders (-Dgantry.image.module=shop-orders)')
assert log.contains('[INFO] Not built into images in this build: the other services of this reactor (shop-billing).')
assert log.contains('Main class it.shop.billing.App')
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'succeeded'
assert release.artifacts.files*.name.contains('it.gantry.shop:shop-orders:jar:2.0.0')
return true
