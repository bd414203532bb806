package io.testabort.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example suite as a user's own Maven project, run by a real Maven and Surefire with the agent on
 * {@code argLine}. Surefire only says "The forked VM terminated without properly saying goodbye"; the
 * marker must say which test it was.
 */
class SurefireCrashIT {

  @Test
  void segfaultInAParameterizedInvocation(@TempDir Path dir) throws Exception {
    Path project = UserProject.JUNIT5.create(dir.resolve("ledger"));
    Jvm maven = UserProject.mavenTest(project, Jdks.current(), "LedgerTest#reconciles[2]", "segv");

    assertThat(maven.exitCode).as(maven.toString()).isNotZero();
    assertThat(maven.output).contains("The forked VM terminated without properly saying goodbye");
    Map<String, Object> marker = Markers.only(project.resolve("target/test-abort"));
    assertThat(marker).as(maven.output)
        .containsEntry("nodeid", "com.example.ledger.LedgerTest#reconciles[2]")
        .containsEntry("test_name", "reconciles")
        .containsEntry("display_name", "[2] 5 + 7")
        .containsEntry("phase", "call")
        .containsEntry("status", "running");
  }

  @Test
  void systemExitInANestedClassOnTemurin25(@TempDir Path dir) throws Exception {
    Path jdk = Jdks.temurin25();
    Path project = UserProject.JUNIT5.create(dir.resolve("ledger"));
    Jvm maven = UserProject.mavenTest(project, jdk, "LedgerTest$Quarterly#files", "exit");

    assertThat(maven.exitCode).as(maven.toString()).isNotZero();
    Map<String, Object> marker = Markers.only(project.resolve("target/test-abort"));
    assertThat(marker).as(maven.output)
        .containsEntry("nodeid", "com.example.ledger.LedgerTest$Quarterly#files")
        .containsKey("exit");
    assertThat(((Map<?, ?>) marker.get("jvm")).get("java_version").toString()).startsWith("25");
  }

  // a project with a module-info.java: Surefire puts the tests on the module path, patched into the
  // project's module, and JUnit's jars become named modules
  @Test
  void onTheModulePathTheExitNamesTheTestAndItsModule(@TempDir Path dir) throws Exception {
    Path project = UserProject.JUNIT5.create(dir.resolve("ledger"));
    UserProject.makeNamedModule(project, "com.example.ledger", "com.example.ledger");
    Jvm maven = UserProject.mavenTest(project, Jdks.current(), "LedgerTest#reconciles[2]", "exit");

    assertThat(maven.exitCode).as(maven.toString()).isNotZero();
    assertThat(project.resolve("target/classes/module-info.class")).exists();
    Map<String, Object> marker = Markers.only(project.resolve("target/test-abort"));
    assertThat(marker).as(maven.output)
        .containsEntry("nodeid", "com.example.ledger.LedgerTest#reconciles[2]")
        .containsEntry("display_name", "[2] 5 + 7")
        .containsEntry("phase", "call");
    // the frame of the exit is in the named module: the tests really ran on the module path
    assertThat((java.util.List<?>) ((Map<?, ?>) marker.get("exit")).get("stack")).first().asString()
        .startsWith("com.example.ledger@1.0/com.example.crash.Crash.now(");
  }

  @Test
  void sigkillInBeforeAllNamesTheClass(@TempDir Path dir) throws Exception {
    Path project = UserProject.JUNIT5.create(dir.resolve("ledger"));
    Jvm maven = UserProject.mavenTest(project, Jdks.current(), "BootTest.boot", "kill");

    assertThat(maven.exitCode).as(maven.toString()).isNotZero();
    assertThat(Markers.only(project.resolve("target/test-abort")))
        .containsEntry("nodeid", "com.example.ledger.BootTest")
        .containsEntry("phase", "setup");
  }
}
