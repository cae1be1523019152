def log = new File(basedir, 'build.log').text

// 1: planned in the module, first in the reactor's order, with its trunk flow: a feature branch's snapshot
assert log.contains('Gantry plan: snapshot — 1.1.0-SNAPSHOT on feature/racing')

// 2: under -T, whichever module started first made the plan; refused either way, naming both values
def byModule = "Module racing would plan with Gantry's <flow> gitflow (the default: the module leaves it unset), but " +
        "the plan was made in racing-orders, where <flow> is trunk."
def byAggregator = "Module racing-orders would plan with Gantry's <flow> trunk (<flow>trunk</flow> in its " +
        "configuration), but the plan was made in racing, where <flow> is gitflow."
def advice = "In this parallel build (-T) neither module waits for the other, so either may make the one plan of the " +
        "reactor, and the release would follow whichever Maven started first. Nothing was built or published. Give " +
        "<flow> the same value in both (in a parent POM both inherit gantry-maven-plugin from, or in each), or build " +
        "without -T."
assert log.contains(byModule) || log.contains(byAggregator), 'build.log lacks the refusal of run 2'
assert log.contains(advice)
return true
