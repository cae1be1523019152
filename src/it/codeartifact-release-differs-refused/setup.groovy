import dev.gantry.it.ItCodeArtifact
import dev.gantry.it.ItProject
import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream

// A library on main (trunk flow) bumps its version to 1.1.0, but 1.1.0 is already in CodeArtifact, published by another
// build with another jar (the same pom.xml, as Maven 3.9 publishes it): a release is immutable.
ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .withVersion('1.1.0').commit('Bump to 1.1.0').push()
def codeArtifact = ItCodeArtifact.startFor(basedir, 'releases')
def jar = new ByteArrayOutputStream()
new ZipOutputStream(jar).withCloseable { zip ->
    ['it/acme/Lib.class': 'another build of 1.1.0', 'it/acme/Old.class': 'gone since'].each { name, text ->
        zip.putNextEntry(new ZipEntry(name))
        zip.write(text.bytes)
        zip.closeEntry()
    }
}
codeArtifact.addVersion('releases', 'it.acme', 'lib', '1.1.0', 'Published',
        ['lib-1.1.0.jar': jar.toByteArray(), 'lib-1.1.0.pom': new File(basedir, 'pom.xml').bytes])
return true
