import dev.gantry.it.ItProject

// 1.1.0 is committed and pushed, with a .gitignore that does not name target/ (a reused workspace keeps an earlier
// build's output); then a class is written and never added to git, as a CI step or a developer may leave one, and the
// CI job keeps its local Maven repository in the work tree (not in .gitignore)
ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .write('.gitignore', 'build.log\n*.groovy\ninvoker.properties\n')
        .withVersion('1.1.0').commit('Bump to 1.1.0').push()
        .write('src/main/java/it/orders/Forgotten.java', 'package it.orders;\n\nclass Forgotten {\n}\n')
        .write('.m2/repository/org/example/tool/1.0/tool-1.0.jar', 'not part of the release\n')
        .write('target/generated-resources/build-info.properties', 'built=earlier\n')
return true
