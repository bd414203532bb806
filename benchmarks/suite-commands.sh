# The Java arguments of the benchmark suites, shared by run.sh and the scripts beside it so that all
# measure the same runs. Each *_command function takes the work folder of a run.sh run (its lib/ and
# suites/) and prints the arguments after `java` and any agent option. Sourced, not run.

# The arms set the agent themselves: nothing from the caller's environment may reach them (JVM options,
# or the agent's and pytest-abort's variables).
isolate_arms_from_caller() {
  local v
  unset JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS _JAVA_OPTIONS
  for v in $(compgen -e | grep -E '^(TEST_ABORT|PYTEST_ABORT|JAX_ROCM)_' || true); do unset "$v"; done
}

# 5,000 generated trivial tests under JUnit 4's JUnitCore
junit4_command() {
  local work=$1 classes
  classes=$(cd "$work/suites/junit4/src" && ls bench/*.java | sed 's/\.java$//; s#/#.#' | paste -sd' ')
  echo "-cp $(ls "$work"/lib/junit4/*.jar | paste -sd:):$work/suites/junit4/classes org.junit.runner.JUnitCore $classes"
}

# the same 5,000 tests under the JUnit 5 console launcher
junit5_command() {
  local work=$1
  echo "-jar $(ls "$work"/lib/junit5/junit-platform-console-standalone-*.jar) execute --class-path $work/suites/junit5/classes --select-package bench --disable-banner --details=summary"
}

# the same 5,000 tests under TestNG, its default listeners (reports) off
testng_command() {
  local work=$1 classes
  classes=$(cd "$work/suites/testng/src" && ls bench/*.java | sed 's/\.java$//; s#/#.#' | paste -sd,)
  echo "-cp $(ls "$work"/lib/testng/*.jar | paste -sd:):$work/suites/testng/classes org.testng.TestNG -usedefaultlisteners false -d $work/testng-output -testclass $classes"
}

# Apache Commons Lang's published tests jar, as its own build runs them on Java 9+ (pom: profile java9+,
# -Xmx512m, its --add-opens). Left out, so that a run takes ~30 s rather than ~15 min on 2 cores: the
# time package and the classes that loop over every locale, time zone or a fuzzing corpus (minutes of
# CPU in a few tests), and concurrency tests that mostly sleep and time out (they measure the clock, not
# the agent).
lang3_command() {
  local work=$1 lang3=$1/lib/lang3
  local opens="--add-opens java.base/java.lang.reflect=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.time=ALL-UNNAMED --add-opens java.base/java.time.chrono=ALL-UNNAMED"
  echo "-Xmx512m $opens -jar $(ls "$work"/lib/lang3-console/junit-platform-console-standalone-*.jar) execute --class-path $(ls "$lang3"/*.jar | paste -sd:) --scan-class-path $(ls "$lang3"/commons-lang3-*-tests.jar) --exclude-package org.apache.commons.lang3.time --exclude-package org.apache.commons.lang3.concurrent --exclude-classname '.*[.](ExtendedMessageFormatTest|ClassUtilsOssFuzzTest|ToStringStyleConcurrencyTest|HashCodeBuilderAndEqualsBuilderTest|ReflectionDiffBuilderTest|LocaleUtilsTest|EqualsBuilderReflectJreImplementationTest)' --disable-banner --details=summary"
}
