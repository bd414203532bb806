package io.testabort.crash;

import io.testabort.testing.Prerequisites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Child JVMs for tests: the running JDK, and Temurin 25 when it is installed. */
public final class JavaProcesses {
  private JavaProcesses() {}

  public static Path currentJava() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /** The java launchers to crash: always the current one, plus Temurin 25 (required on CI). */
  static Stream<Path> javas() {
    List<Path> javas = new ArrayList<>(List.of(currentJava()));
    Prerequisites.temurin25IfInstalled().ifPresent(home -> javas.add(home.resolve("bin/java")));
    return javas.stream();
  }

  /** Runs {@code mainClass} from the test class path in a child JVM; returns the finished process. */
  public static Process run(Path java, List<String> jvmArgs, Class<?> mainClass, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path")));
    cmd.addAll(jvmArgs);
    cmd.add(mainClass.getName());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    p.waitFor();
    return p;
  }

  /** Crashes a child JVM ({@link CrashingMain} arguments) and returns the hs_err log it wrote in {@code dir}. */
  public static Path crash(Path java, Path dir, String... args) throws Exception {
    List<String> jvmArgs = List.of("-XX:ErrorFile=" + dir + "/hs_err_pid%p.log", "-XX:-CreateCoredumpOnCrash", "-XX:+CrashOnOutOfMemoryError", "-Xmx32m");
    Process p = run(java, jvmArgs, CrashingMain.class, args);
    Path log = dir.resolve("hs_err_pid" + p.pid() + ".log");
    if (!Files.isRegularFile(log)) {
      throw new AssertionError(java + " exited " + p.exitValue() + " without writing " + log);
    }
    return log;
  }
}
