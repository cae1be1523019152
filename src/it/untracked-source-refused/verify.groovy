def log = new File(basedir, 'build.log').text
def expected = 'Uncommitted changes: src/main/java/it/orders/Forgotten.java (untracked). A stable release is built only ' +
        'from committed sources, so that the tag describes what was released. Commit or revert them (an untracked file ' +
        "in a module's sources: add it, delete it, or list it in .gitignore), or pass -Dgantry.allowDirty=true to " +
        'release anyway.'
assert log.contains(expected), "build.log lacks: $expected"
// the job's local repository is no part of the release: the list above names the class alone
assert !log.contains('.m2/ (untracked)') && !log.contains('tool-1.0.jar')
// nor an earlier build's output, though a resource directory lies in it (re-trial: helidon)
assert !log.contains('target/ (untracked)') && !log.contains('.gitignore (')
// refused in validate: nothing compiled, nothing published, no tag
assert !new File(basedir, 'target/classes').exists()
assert !new File(basedir, '../untracked-source-refused-maven-repo').exists()
return true
