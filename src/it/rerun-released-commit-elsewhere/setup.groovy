import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry
import dev.gantry.testing.BaseImages

// main: 1.0.0 was released; the last commit bumps the version to 1.1.0. The image goes to a real registry, on the base
// image base/java:1, and the remote is spelled as a developer's clone has it, git@github.com:acme/orders.git, which
// git (and JGit) reach as the bare remote beside the project through url.<remote>.insteadOf.
def it = ItProject.at(basedir).init('main')
def remote = it.git('remote', 'get-url', 'origin').trim()
it.git('remote', 'set-url', 'origin', 'git@github.com:acme/orders.git')
it.git('config', '--add', "url.${remote}.insteadOf", 'git@github.com:acme/orders.git')
it.git('config', '--add', "url.${remote}.insteadOf", 'https://github.com/acme/orders')
it.withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .withVersion('1.1.0').commit('Bump to 1.1.0').push()
ItRegistry.startFor(basedir, 'orders')
def registry = ItRegistry.of(basedir)
new File(basedir, 'first-base.digest').text = registry.digest('base/java', '1')
BaseImages.push(registry, 'base/java', 'next', 96 * 1024) // what base/java:1 will move to

// The first run's tag push stops the pipeline once (a lost runner); meanwhile the base image tag moves and the
// clone of the re-run spells the remote https://github.com/acme/orders.
def java = new File(System.getProperty('java.home'), 'bin/java').absolutePath
it.remoteHook('pre-receive', """#!/bin/sh
if [ ! -f between-runs-done ]; then
  touch between-runs-done
  '${java}' '${basedir}/BetweenRuns.java' '${registry.baseUrl()}' '${basedir}' || exit 2
  git config --file '${basedir}/.git/config' remote.origin.url https://github.com/acme/orders || exit 2
  echo 'the runner was lost before the tag was pushed' >&2
  exit 1
fi
""")
return true
