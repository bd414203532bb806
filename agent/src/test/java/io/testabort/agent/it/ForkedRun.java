package io.testabort.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One child JVM with the real shaded agent jar ({@code dir=<tmp>}), running a test framework on the IT
 * fixtures, and what it left: exit code, output, marker.
 */
final class ForkedRun {
  static final String FIXTURES = "io.testabort.agent.it.fixtures.";

  final Path dir;
  final long pid;
  final int exitCode;
  final String stdout;
  final String stderr;

  private ForkedRun(Path dir, long pid, int exitCode, String stdout, String stderr) {
    this.dir = dir;
    this.pid = pid;
    this.exitCode = exitCode;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /** The JVMs the crash ITs run on: this one (JDK 17) and Temurin 25 where installed (required on CI). */
  static Stream<String> javas() {
    List<String> out = new ArrayList<>();
    out.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    io.testabort.testing.Prerequisites.temurin25IfInstalled().ifPresent(home -> out.add(home.resolve("bin/java").toString()));
    return out.stream();
  }

  static String defaultJava() {
    return javas().findFirst().orElseThrow();
  }

  /** A framework jar copied to it-libs by the build, by its file name, e.g. {@code junit-4.13.2.jar}. */
  static String lib(String fileName) {
    Path p = Paths.get(System.getProperty("it.libs"), fileName);
    assertThat(p).as("IT library (run the ITs through Maven's verify)").exists();
    return p.toString();
  }

  static String classpath(String... entries) {
    List<String> all = new ArrayList<>();
    all.add(System.getProperty("it.classes"));
    all.add(lib("crash-support.jar"));
    all.addAll(Arrays.asList(entries));
    return String.join(File.pathSeparator, all);
  }

  /**
   * Runs {@code java [-Dprops] -javaagent:<jar>=dir=<dir>[,agentOptions] args...} in {@code dir} and waits
   * for it to end (at most a few minutes: a guard against a hung child, not a timing assertion).
   */
  static ForkedRun run(String java, Path dir, String agentOptions, List<String> props, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.add("-XX:-CreateCoredumpOnCrash");
    cmd.add("-javaagent:" + System.getProperty("agent.jar") + "=dir=" + dir + (agentOptions.isEmpty() ? "" : "," + agentOptions));
    for (String p : props) {
      cmd.add("-D" + p);
    }
    cmd.addAll(Arrays.asList(args));
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process process =
        new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      fail("child JVM hung: " + cmd);
    }
    return new ForkedRun(dir, process.pid(), process.exitValue(), read(out), read(err));
  }

  Path markerPath() {
    return dir.resolve("last_running_" + pid + ".json");
  }

  /** The marker the dead JVM left, parsed; fails (showing the child's output) when there is none. */
  Map<String, Object> marker() throws IOException {
    assertThat(markerPath()).as(describe()).exists();
    return Json.parse(read(markerPath()));
  }

  /** Checks the marker of the dead JVM names the test, its class, framework and phase; returns it. */
  Map<String, Object> assertCrashed(String nodeid, String testName, String testClass, String framework, String phase)
      throws IOException {
    assertThat(exitCode).as(describe()).isNotZero();
    Map<String, Object> m = marker();
    assertThat(m)
        .as(describe())
        .containsEntry("status", "running")
        .containsEntry("nodeid", nodeid)
        .containsEntry("test_name", testName)
        .containsEntry("test_class", testClass)
        .containsEntry("framework", framework)
        .containsEntry("phase", phase)
        .containsEntry("pid", pid);
    return m;
  }

  /** The watchdog stopped the JVM: exit 124, the marker names the test, still running, with the timeout; stacks beside it. */
  void assertTimedOut(String nodeid, String framework) throws IOException {
    assertThat(exitCode).as(describe()).isEqualTo(124);
    assertThat(marker()).as(describe())
        .containsEntry("status", "running")
        .containsKey("timeout")
        .containsEntry("nodeid", nodeid)
        .containsEntry("framework", framework);
    assertThat(dir.resolve(markerPath().getFileName() + ".threads.txt")).content()
        .contains("com.example.crash.Crash.sleepForever(");
  }

  /** Markers of any JVM left in the directory. */
  List<Path> markers() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("last_running_")).collect(Collectors.toList());
    }
  }

  String describe() {
    return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
  }

  static String read(Path p) throws IOException {
    return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
  }
}
