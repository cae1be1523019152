import dev.gantry.it.ItProject

// Maven 4 publishes no consumer POM, and so no build POM of its own: the release is made as Maven 3.9 makes it
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = '-Dmaven.consumer.pom=false\n'
// main at 1.0.0 after 0.9.0: the first run (invoker.properties) releases it, the second re-runs the same commit
ItProject.at(basedir).init('main')
        .withVersion('0.9.0').commit('Release 0.9.0').tag('v0.9.0').push()
        .withVersion('1.0.0').commit('Bump to 1.0.0').push()
return true
