package io.testabort.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A child process whose output goes to a file, so a test can show it when an assertion fails. */
final class Jvm {
  final int exitCode;
  final long pid;
  final String output;

  private Jvm(int exitCode, long pid, String output) {
    this.exitCode = exitCode;
    this.pid = pid;
    this.output = output;
  }

  static Jvm run(Path workDir, Map<String, String> env, List<String> command) throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    Path log = workDir.resolve("output.txt");
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError("timed out: " + command);
    }
    return new Jvm(p.exitValue(), p.pid(), new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "exit " + exitCode + ", pid " + pid + ", output:\n" + output;
  }
}
