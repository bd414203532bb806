package io.testabort.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent next to Mockito 5's inline mock maker, which brings its own Byte Buddy (another version,
 * unshaded) and retransforms classes itself: mocks of final classes and static methods still work, the
 * agent says nothing, and a crash is still attributed.
 */
class MockitoCoexistenceIT {

  static List<Arguments> jdks() {
    List<Arguments> out = new ArrayList<>();
    for (Path jdk : Jdks.all()) {
      out.add(Arguments.of(Named.of(Jdks.label(jdk), jdk)));
    }
    return out;
  }

  private static String classPath(Path classes) throws IOException {
    List<String> entries = new ArrayList<>();
    entries.add(classes.toString());
    try (Stream<Path> jars = Files.list(Project.launcher("mockito"))) {
      entries.addAll(jars.map(Path::toString).sorted().collect(Collectors.toList()));
    }
    return String.join(":", entries);
  }

  private static Path compile(Path dir) throws Exception {
    Path src = Paths.get(MockitoCoexistenceIT.class.getResource("/mockito-suite").toURI());
    Path out = Files.createDirectories(dir.resolve("classes"));
    List<String> args = new ArrayList<>(List.of("-nowarn", "-d", out.toString(), "-cp",
        classPath(Paths.get(System.getProperty("crash.support.classes"))) + ":" + Project.launcher("junit5-console.jar")));
    try (Stream<Path> files = Files.walk(src)) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
    }
    assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(new String[0]))).isZero();
    return out;
  }

  private static Jvm run(Path jdk, Path dir, Path classes, String crashAt) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Jdks.java(jdk),
        "-javaagent:" + Project.agentJar() + "=dir=" + dir.resolve("markers")));
    if (crashAt != null) {
      cmd.addAll(List.of("-Dcrash.at=" + crashAt, "-Dcrash.how=segv"));
    }
    cmd.addAll(List.of("-jar", Project.launcher("junit5-console.jar").toString(), "execute",
        "--class-path", classPath(classes) + ":" + System.getProperty("crash.support.classes"),
        "--select-package", "com.example.mocks", "--disable-banner", "--details=tree"));
    return Jvm.run(dir, Map.of(), cmd);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void mocksWorkAndCrashesAreNamed(Path jdk, @TempDir Path dir) throws Exception {
    Path classes = compile(dir);

    Jvm clean = run(jdk, dir.resolve("clean"), classes, null);
    assertThat(clean.exitCode).as(clean.toString()).isZero();
    assertThat(clean.output).contains("2 tests successful").doesNotContain("[test-abort]");
    assertThat(Markers.in(dir.resolve("clean/markers"))).isEmpty();

    Jvm crashed = run(jdk, dir.resolve("crash"), classes, "FinalClassMockTest#mocksAFinalClass");
    assertThat(crashed.exitCode).as(crashed.toString()).isEqualTo(134);
    assertThat(Markers.only(dir.resolve("crash/markers")))
        .containsEntry("nodeid", "com.example.mocks.FinalClassMockTest#mocksAFinalClass");
  }
}
