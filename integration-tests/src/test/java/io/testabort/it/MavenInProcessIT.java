package io.testabort.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Surefire with {@code -DforkCount=0} and the agent in {@code MAVEN_OPTS}: the tests run inside Maven's
 * own JVM, their framework loaded by a plugin class realm that cannot see the agent's classes in the
 * system class loader. The hooks reach the agent through the bridge in {@code java.base}, and when a
 * test kills Maven itself, the marker names it.
 */
class MavenInProcessIT {

  @Test
  void segfaultInsideMavensOwnJvmNamesTheTest(@TempDir Path dir) throws Exception {
    Path project = UserProject.JUNIT5.create(dir.resolve("ledger"));
    Path markers = dir.resolve("markers");
    Jvm maven = Jvm.run(project,
        Map.of("JAVA_HOME", Jdks.current().toString(),
            "MAVEN_OPTS", "-Xmx512m -XX:-CreateCoredumpOnCrash -javaagent:" + Project.agentJar() + "=dir=" + markers),
        List.of(Project.repo().resolve("mvnw").toString(), "-B", "-f", project.resolve("pom.xml").toString(),
            "test", "-DforkCount=0", "-Dcrash.at=LedgerTest#reconciles[2]", "-Dcrash.how=segv"));

    assertThat(maven.exitCode).as(maven.toString()).isNotZero();
    assertThat(maven.output).doesNotContain("cannot reach the agent");
    Map<String, Object> marker = Markers.only(markers);
    assertThat(marker).as(maven.toString())
        .containsEntry("nodeid", "com.example.ledger.LedgerTest#reconciles[2]")
        .containsEntry("test_name", "reconciles")
        .containsEntry("phase", "call")
        .containsEntry("status", "running");
  }
}
