package io.testabort.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example suite as a user's own Maven project, run by a real Maven and Surefire with the agent on
 * {@code argLine}. Surefire only says "The forked VM terminated without properly saying goodbye"; the
 * marker must say which test it was.
 */
class SurefireCrashIT {

  private static Path userProject(Path dir) throws IOException {
    String pom = new String(SurefireCrashIT.class.getResourceAsStream("/surefire-project/pom.xml").readAllBytes(),
            StandardCharsets.UTF_8)
        .replace("@JUNIT_VERSION@", System.getProperty("junit.version"))
        .replace("@SUREFIRE_VERSION@", System.getProperty("surefire.version"))
        .replace("@AGENT_JAR@", Project.agentJar().toString());
    Files.createDirectories(dir);
    Files.write(dir.resolve("pom.xml"), pom.getBytes(StandardCharsets.UTF_8));
    copyTree(Project.examples().resolve("junit5/src/test/java"), dir.resolve("src/test/java"));
    copyTree(Project.examples().resolve("crash-support/src/main/java"), dir.resolve("src/test/java"));
    return dir;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }

  private static Jvm mavenTest(Path project, Path jdk, String crashAt, String crashHow) throws Exception {
    return Jvm.run(project, Map.of("JAVA_HOME", jdk.toString(), "MAVEN_OPTS", "-Xmx512m"),
        List.of(Project.repo().resolve("mvnw").toString(), "-B", "-f", project.resolve("pom.xml").toString(),
            "test", "-Dcrash.at=" + crashAt, "-Dcrash.how=" + crashHow));
  }

  @Test
  void segfaultInAParameterizedInvocation(@TempDir Path dir) throws Exception {
    Path project = userProject(dir.resolve("ledger"));
    Jvm maven = mavenTest(project, Jdks.current(), "LedgerTest#reconciles[2]", "segv");

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
    org.junit.jupiter.api.Assumptions.assumeTrue(jdk != null, "Temurin 25 is not installed");
    Path project = userProject(dir.resolve("ledger"));
    Jvm maven = mavenTest(project, jdk, "LedgerTest$Quarterly#files", "exit");

    assertThat(maven.exitCode).as(maven.toString()).isNotZero();
    Map<String, Object> marker = Markers.only(project.resolve("target/test-abort"));
    assertThat(marker).as(maven.output)
        .containsEntry("nodeid", "com.example.ledger.LedgerTest$Quarterly#files")
        .containsKey("exit");
    assertThat(((Map<?, ?>) marker.get("jvm")).get("java_version").toString()).startsWith("25");
  }

  @Test
  void sigkillInBeforeAllNamesTheClass(@TempDir Path dir) throws Exception {
    Path project = userProject(dir.resolve("ledger"));
    Jvm maven = mavenTest(project, Jdks.current(), "BootTest.boot", "kill");

    assertThat(maven.exitCode).as(maven.toString()).isNotZero();
    assertThat(Markers.only(project.resolve("target/test-abort")))
        .containsEntry("nodeid", "com.example.ledger.BootTest")
        .containsEntry("phase", "setup");
  }
}
