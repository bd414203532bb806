package io.testabort.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The JUnit 5 example suite of examples/junit5 (with its crash points), compiled against a given console
 * launcher, so the same tests run on JUnit 5 and JUnit 6.
 */
final class LedgerSuite {
  private static final Map<String, Path> compiled = new HashMap<>();

  private LedgerSuite() {}

  static synchronized Path classesFor(String launcher) throws IOException {
    Path out = compiled.get(launcher);
    if (out != null) {
      return out;
    }
    out = Files.createTempDirectory("ledger-suite-" + launcher.replace(".jar", "") + "-");
    List<String> args = new ArrayList<>(List.of("-nowarn", "-d", out.toString(), "-cp", Project.launcher(launcher).toString()));
    args.addAll(sources(Project.examples().resolve("junit5/src/test/java")));
    args.addAll(sources(Project.examples().resolve("crash-support/src/main/java")));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac.run(null, null, null, args.toArray(new String[0])) != 0) {
      throw new IllegalStateException("could not compile the example suite against " + launcher);
    }
    compiled.put(launcher, out);
    return out;
  }

  private static List<String> sources(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).collect(Collectors.toList());
    }
  }

  /** Runs the whole suite under the console launcher with the agent in dir mode; crash point optional. */
  static Jvm run(Path jdk, String launcher, Path workDir, String agentOptions, String crashAt, String crashHow,
      String... jvmOptions) throws IOException, InterruptedException {
    return run(Map.of(), jdk, launcher, workDir, agentOptions, crashAt, crashHow, jvmOptions);
  }

  static Jvm run(Map<String, String> env, Path jdk, String launcher, Path workDir, String agentOptions, String crashAt,
      String crashHow, String... jvmOptions) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Jdks.java(jdk));
    cmd.addAll(List.of(jvmOptions));
    cmd.add("-javaagent:" + Project.agentJar() + "=" + agentOptions);
    cmd.add("-XX:ErrorFile=" + workDir.resolve("hs_err_pid%p.log"));
    if (crashAt != null) {
      cmd.add("-Dcrash.at=" + crashAt);
      cmd.add("-Dcrash.how=" + crashHow);
    }
    cmd.addAll(List.of("-jar", Project.launcher(launcher).toString(), "execute",
        "--class-path", classesFor(launcher).toString(), "--select-package", "com.example.ledger",
        "--disable-banner", "--details=none"));
    return Jvm.run(workDir, env, cmd);
  }
}
