import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry
import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream

// 1.1.0 is already in the artifact repository with other bytes (published by another build, from no known commit).
ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .withVersion('1.1.0').commit('Bump to 1.1.0').push()
def released = new File(basedir, '../artifact-differs-refused-maven-repo/it/gantry/orders/1.1.0')
released.mkdirs()
new ZipOutputStream(new FileOutputStream(new File(released, 'orders-1.1.0.jar'))).withCloseable { zip ->
    ['it/orders/App.class': 'another build of 1.1.0', 'it/orders/Old.class': 'gone since'].each { name, text ->
        zip.putNextEntry(new ZipEntry(name))
        zip.write(text.bytes)
        zip.closeEntry()
    }
}
ItRegistry.startFor(basedir, 'orders')
return true
