import dev.gantry.it.ItProject

def log = new File(basedir, 'build.log').text
def refusal = "Gantry is configured to push this build's image to 127.0.0.1:9/team/petclinic, but no module of " +
        "this build can be built into an image: petclinic (packaging war). An image is built from a module packaged " +
        "jar (or quarkus), from its classes and runtime dependencies, run with java -cp; without one the release " +
        "would go out without its image. Nothing was built or published. For a Spring Boot service, package it as a " +
        "jar (remove <packaging>war</packaging>: Spring Boot's executable jar runs the same application on its " +
        "embedded server); for a module deployed to an application server, or a library, set " +
        "<gantry.image.skip>true</gantry.image.skip> in its <properties>."

// 1: refused in validate, before anything was compiled
assert log.contains("[ERROR] Failed to execute goal dev.gantry:gantry-maven-plugin:")
assert log.contains(refusal)
def firstRun = log.substring(0, log.indexOf(refusal))
assert !firstRun.contains('--- compiler:') // the goal's header: nothing was compiled

// 2: the preview says so
assert log.contains("[WARNING] mvn deploy would refuse: " + refusal)

// 3: with the image skipped, the war is released and tagged, and no image is promised
def repo = new File(basedir, '../war-service-refused-maven-repo/it/gantry/petclinic/1.1.0')
assert new File(repo, 'petclinic-1.1.0.war').isFile()
assert ItProject.at(basedir).remoteTags().any { it.startsWith('v1.1.0=') }
assert !log.contains('image:     127.0.0.1:9/team/petclinic')
return true
