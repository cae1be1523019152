import dev.gantry.it.ItProject

// The remote protects its tags, as a hosting service with tag protection does.
ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .withVersion('1.1.0').commit('Bump to 1.1.0').push()
        .remoteHook('pre-receive', '''#!/bin/sh
while read old new ref; do
  case "$ref" in refs/tags/*) echo "tags are protected on this remote: $ref" >&2; exit 1;; esac
done
''')
// what an earlier, successful run left behind
def outputs = new File(basedir, 'target/gantry')
outputs.mkdirs()
new File(outputs, 'release.json').text = '{"status": "succeeded", "version": "1.0.0"}'
return true
