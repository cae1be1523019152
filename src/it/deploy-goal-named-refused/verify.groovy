def log = new File(basedir, 'build.log').text
assert log.contains("The build names maven-deploy-plugin's goal deploy:deploy, which would deploy every module on its " +
        "own, outside the release gantry:publish makes (no branch rule, no check of what is published, no tag). Nothing " +
        "was built or published. Run mvn deploy: gantry:publish publishes what maven-deploy-plugin would, where it would.")
assert !new File(basedir, '../deploy-goal-named-refused-maven-repo').exists()
assert !new File(basedir, 'target/classes').exists()
return true
