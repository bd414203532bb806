package io.testabort.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An example suite as a user's own Gradle project: {@code gradle-project/build.gradle} with the suite's
 * framework, then README.md's Groovy block read from the README itself (so the two cannot drift), and the
 * suite's sources from examples/. Run by Debian's Gradle 4.4.1, offline, from a flatDir repository Maven
 * filled ({@code gradle.repo}) and the built agent jar under the name the README's coordinates resolve to.
 */
enum GradleProject {
  JUNIT4("junit4", List.of("junit-4.13.2", "hamcrest-core-1.3"), ""),
  TESTNG("testng", List.of("testng-7.5.1", "jcommander-1.78"), "    useTestNG()");

  static final String README_START = "<!-- gradle-groovy:";
  static final String README_END = "<!-- /gradle-groovy -->";

  private final String example;
  private final List<String> jars;
  private final String useFramework;

  GradleProject(String example, List<String> jars, String useFramework) {
    this.example = example;
    this.jars = jars;
    this.useFramework = useFramework;
  }

  /** Writes the project into {@code dir} and returns {@code dir}. */
  Path create(Path dir) throws IOException {
    Path repo = Paths.get(System.getProperty("gradle.repo"));
    // flatDir finds io.testabort:test-abort-agent:<version> as test-abort-agent-<version>.jar
    Files.copy(Project.agentJar(), repo.resolve("test-abort-agent-" + System.getProperty("project.version") + ".jar"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    String build = resource("/gradle-project/build.gradle")
        .replace("@REPO@", repo.toString())
        .replace("@DEPENDENCIES@", jars.stream().map(j -> "    testCompile name: '" + j + "'").collect(Collectors.joining("\n")))
        .replace("@USE_FRAMEWORK@", useFramework)
        .replace("@README_BLOCK@", readmeBlock());
    Files.createDirectories(dir);
    Files.write(dir.resolve("build.gradle"), build.getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("settings.gradle"), ("rootProject.name = '" + example + "-suite'\n").getBytes(StandardCharsets.UTF_8));
    copyTree(Project.examples().resolve(example + "/src/test/java"), dir.resolve("src/test/java"));
    copyTree(Project.examples().resolve("crash-support/src/main/java"), dir.resolve("src/test/java"));
    return dir;
  }

  /** The ```groovy block of README.md between the gradle-groovy markers, as a user would paste it. */
  static String readmeBlock() throws IOException {
    String readme = Files.readString(Project.repo().resolve("README.md"));
    int start = readme.indexOf(README_START);
    int end = readme.indexOf(README_END);
    if (start < 0 || end < start) {
      throw new IllegalStateException("README.md has no " + README_START + " ... " + README_END + " block");
    }
    String section = readme.substring(start, end);
    int code = section.indexOf("```groovy\n");
    int close = section.lastIndexOf("```");
    if (code < 0 || close <= code) {
      throw new IllegalStateException("README.md's gradle-groovy block holds no ```groovy fence");
    }
    return section.substring(code + "```groovy\n".length(), close);
  }

  /** Debian's gradle; null when missing locally, an error on CI, where the build must run the Gradle ITs. */
  static Path gradle() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      Path g = Paths.get(dir, "gradle");
      if (Files.isExecutable(g)) {
        return g;
      }
    }
    if ("true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("gradle is not installed (Debian package 'gradle'), but CI must run the Gradle ITs");
    }
    return null;
  }

  /**
   * {@code gradle test} of {@code project}, offline and without a daemon, on the JDK running this build
   * (Gradle 4.4.1's test worker calls System.setSecurityManager, which JDK 24+ refuses), with its own
   * Gradle user home under target/ so nothing outside the build is touched.
   */
  static Jvm test(Path project, Map<String, String> env, String... properties) throws Exception {
    List<String> command = new ArrayList<>(List.of(gradle().toString(), "--offline", "--no-daemon", "--console=plain",
        "--gradle-user-home", Paths.get(System.getProperty("gradle.repo")).resolveSibling("gradle-home").toString(), "test"));
    command.addAll(List.of(properties));
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("JAVA_HOME", Jdks.current().toString());
    return Jvm.run(project, all, command);
  }

  private static String resource(String name) throws IOException {
    return new String(GradleProject.class.getResourceAsStream(name).readAllBytes(), StandardCharsets.UTF_8);
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
