package io.testabort.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An example suite as a user's own Maven project: the pom template {@code surefire-project/pom.xml} (set up
 * as the README tells users, the agent jar given by path) with the suite's framework as its only test
 * dependency, and the suite's sources from examples/. Run by a real nested Maven, so Surefire picks its
 * provider for that framework by itself.
 */
enum UserProject {
  JUNIT5("junit5", "org.junit.jupiter", "junit-jupiter", "junit.version"),
  JUNIT4("junit4", "junit", "junit", "junit4.version"),
  TESTNG("testng", "org.testng", "testng", "testng.version");

  private final String example;
  private final String groupId;
  private final String artifactId;
  private final String versionProperty;

  UserProject(String example, String groupId, String artifactId, String versionProperty) {
    this.example = example;
    this.groupId = groupId;
    this.artifactId = artifactId;
    this.versionProperty = versionProperty;
  }

  /** Writes the project into {@code dir} and returns {@code dir}. */
  Path create(Path dir) throws IOException {
    String pom = new String(UserProject.class.getResourceAsStream("/surefire-project/pom.xml").readAllBytes(),
            StandardCharsets.UTF_8)
        .replace("@EXAMPLE@", example)
        .replace("@FRAMEWORK_GROUP_ID@", groupId)
        .replace("@FRAMEWORK_ARTIFACT_ID@", artifactId)
        .replace("@FRAMEWORK_VERSION@", property(versionProperty))
        .replace("@SUREFIRE_VERSION@", property("surefire.version"))
        .replace("@AGENT_JAR@", Project.agentJar().toString());
    Files.createDirectories(dir);
    Files.write(dir.resolve("pom.xml"), pom.getBytes(StandardCharsets.UTF_8));
    copyTree(Project.examples().resolve(example + "/src/test/java"), dir.resolve("src/test/java"));
    copyTree(Project.examples().resolve("crash-support/src/main/java"), dir.resolve("src/test/java"));
    return dir;
  }

  /**
   * Makes {@code project}'s main code a named module ({@code module-info.java}), so Surefire runs the tests
   * on the module path, patched into that module, with JUnit's jars as named modules beside it. The suite's
   * crash points use {@code sun.misc.Unsafe}, hence {@code requires jdk.unsupported}.
   */
  static void makeNamedModule(Path project, String module, String mainPackage) throws IOException {
    Path dir = Files.createDirectories(project.resolve("src/main/java/" + mainPackage.replace('.', '/')));
    Files.writeString(project.resolve("src/main/java/module-info.java"),
        "module " + module + " {\n  requires jdk.unsupported;\n  exports " + mainPackage + ";\n}\n");
    Files.writeString(dir.resolve("Books.java"), "package " + mainPackage + ";\n\npublic final class Books {}\n");
  }

  /** {@code mvnw test} of a project on {@code jdk} (as its JAVA_HOME), crashing at a crash point. */
  static Jvm mavenTest(Path project, Path jdk, String crashAt, String crashHow) throws Exception {
    return Jvm.run(project, Map.of("JAVA_HOME", jdk.toString(), "MAVEN_OPTS", "-Xmx512m"),
        List.of(Project.repo().resolve("mvnw").toString(), "-B", "-f", project.resolve("pom.xml").toString(),
            "test", "-Dcrash.at=" + crashAt, "-Dcrash.how=" + crashHow));
  }

  private static String property(String name) {
    String v = System.getProperty(name);
    if (v == null) {
      throw new IllegalStateException("system property " + name + " is not set; run through Maven (failsafe)");
    }
    return v;
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
}
