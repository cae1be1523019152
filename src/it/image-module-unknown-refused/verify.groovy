def log = new File(basedir, 'build.log').text
def expected = "No module 'shop-web' in this reactor to build the image from (-Dgantry.image.module=shop-web); the " +
        "modules an image can be built from (packaging jar or quarkus) are [shop-lib, shop-app]. Set <imageModule> or " +
        "-Dgantry.image.module to one of them (its artifactId, or groupId:artifactId)."
assert log.contains(expected), "build.log lacks: $expected"
def notAJar = "Module 'shop' (packaging pom) cannot be built into an image (-Dgantry.image.module=shop): an image is built " +
        "from a module with packaging jar (or quarkus), from its classes and dependencies; this reactor's are " +
        "[shop-lib, shop-app]. Set <imageModule> or -Dgantry.image.module to the application's module."
assert log.contains(notAJar), "build.log lacks: $notAJar"
def outranked = "-Dgantry.image.module=shop-lib asks for the image of module shop-lib, and the plan's <imageModule> " +
        "is shop-app, set in the gantry-maven-plugin configuration of module shop (in the POM it.gantry.shop:shop:2.0.0), " +
        "which Maven gives precedence over the -D property, silently: this build would ship shop-app's image where " +
        "shop-lib's was asked for. Nothing was built."
assert log.contains(outranked), "build.log lacks: $outranked"
// refused in validate, by the plan: nothing compiled, published or tagged
assert log.contains('gantry-maven-plugin:0.1.0-SNAPSHOT:plan')
assert !new File(basedir, 'lib/target/classes').exists()
assert !new File(basedir, '../image-module-unknown-refused-maven-repo').exists()
def release = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'failed'
assert release.failure.goal == 'plan'
assert dev.gantry.it.ItProject.at(basedir).remoteTags().collect { it.split('=')[0] } == ['v1.0.0'] // 2.0.0 not tagged
return true
