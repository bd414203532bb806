package io.testabort.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test JVM that hangs at one of the example suites' crash points ({@code crash.how=hang}), started
 * without the agent unless its command says otherwise. Ready once a thread dump shows it in the hang.
 */
final class HangingJvm implements AutoCloseable {
  final Process process;
  final Path log;
  private final Path jdk;

  private HangingJvm(Process process, Path log, Path jdk) {
    this.process = process;
    this.log = log;
    this.jdk = jdk;
  }

  static HangingJvm start(Path jdk, Path workDir, List<String> command) throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    Path log = workDir.resolve("hanging-jvm.txt");
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    HangingJvm jvm = new HangingJvm(pb.start(), log, jdk);
    jvm.awaitHang();
    return jvm;
  }

  long pid() {
    return process.pid();
  }

  /** Polls {@code jcmd PID Thread.print} until a thread sleeps in the crash point's hang. */
  private void awaitHang() throws IOException, InterruptedException {
    for (int i = 0; i < 240; i++) {
      if (!process.isAlive()) {
        throw new AssertionError("the JVM ended before it hung:\n" + output());
      }
      Process jcmd = new ProcessBuilder(jdk.resolve("bin/jcmd").toString(), Long.toString(pid()), "Thread.print")
          .redirectErrorStream(true).start();
      String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      jcmd.waitFor(1, TimeUnit.MINUTES);
      if (dump.contains("com.example.crash.Crash.sleepForever")) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the JVM never reached its hang:\n" + output());
  }

  String output() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
  }
}
