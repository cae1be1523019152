import dev.gantry.it.ItProject

// main: 1.0.0 was released; the last commit bumps the version to 1.1.0. A library: no image; the jar carries
// git-commit-id's git.properties (see the POM).
def it = ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .withVersion('1.1.0').commit('Bump to 1.1.0').push()

// The first run's tag push stops the pipeline once (a lost runner). The re-run's clone has no tag v1.1.0, and spells
// the remote as a plain path, which git.properties records: its jar differs from the published one, and only the
// published jar's git.properties (git.commit.id) tells that the published release is this commit's.
def remote = it.git('remote', 'get-url', 'origin').trim()
it.remoteHook('pre-receive', """#!/bin/sh
if [ ! -f between-runs-done ]; then
  touch between-runs-done
  # a fresh clone: no local tag (the hook's own git environment would refuse a ref update here)
  env -u GIT_DIR -u GIT_QUARANTINE_PATH -u GIT_OBJECT_DIRECTORY -u GIT_ALTERNATE_OBJECT_DIRECTORIES \
      git --git-dir='${basedir}/.git' tag -d v1.1.0 >/dev/null || exit 2
  git config --file '${basedir}/.git/config' remote.origin.url '${new URI(remote).path}' || exit 2
  echo 'the runner was lost before the tag was pushed' >&2
  exit 1
fi
""")
return true
