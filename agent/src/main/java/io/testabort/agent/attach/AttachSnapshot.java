package io.testabort.agent.attach;

import io.testabort.agent.core.AgentLog;
import io.testabort.agent.core.AgentOptions;
import io.testabort.agent.core.MarkerFile;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What {@code agentmain} does for {@code report-tools attach}: names the tests in flight on every
 * thread, writes them as this JVM's marker (unless the agent was already active here, whose marker is
 * the better one) and writes the report the tool asked for. Never throws into the JVM.
 */
public final class AttachSnapshot {
  /** Published by an active agent (see AgentRuntime): a tool finds its marker without attaching. */
  public static final String PUBLISHED_DIR = "testabort.agent.markerDir";
  public static final String PUBLISHED_FILE = "testabort.agent.markerFile";

  private static final DateTimeFormatter START_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

  private AttachSnapshot() {}

  /** Whether an agent in this JVM already keeps a marker (it publishes where). */
  public static boolean agentActive() {
    return System.getProperty(PUBLISHED_DIR) != null || System.getProperty(PUBLISHED_FILE) != null;
  }

  /** Does the work when {@code request} asks for a report; before the agent's own start, so its marker wins later. */
  public static void writeIfAsked(AttachRequest request, Instrumentation inst, boolean agentWasActive) {
    if (request.reportPath() == null) {
      return;
    }
    try {
      List<InFlightTest> tests = inFlight(inst);
      String marker = null;
      if (!agentWasActive && !tests.isEmpty()) {
        AgentOptions options = AgentOptions.fromEnvironment(request.agentOptions());
        long pid = ProcessHandle.current().pid();
        Path path = options.markerPath(pid);
        if (path != null) {
          writeMarker(path, tests, jvm(pid, options));
          marker = path.toString();
        }
      }
      Path report = Paths.get(request.reportPath());
      Path tmp = report.resolveSibling(report.getFileName() + ".tmp");
      Files.write(tmp, SnapshotJson.report(marker, agentWasActive, tests));
      Files.move(tmp, report, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (Throwable t) {
      AgentLog.error("naming the tests in flight for report-tools attach", t);
    }
  }

  /** Every thread's test or class lifecycle method in flight, by thread id (main first, as a rule). */
  static List<InFlightTest> inFlight(Instrumentation inst) {
    StackNaming naming = new StackNaming(new ClassLookup());
    TestNGRows rows = new TestNGRows(new OtherThreadLocals(inst));
    List<InFlightTest> tests = new ArrayList<>();
    for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
      if (e.getKey() == Thread.currentThread()) {
        continue;
      }
      InFlightTest t = naming.name(e.getKey(), e.getValue());
      if (t != null) {
        rows.nameRow(t);
        tests.add(t);
      }
    }
    tests.sort(Comparator.comparingLong(t -> t.thread.getId()));
    return tests;
  }

  private static void writeMarker(Path path, final List<InFlightTest> tests, SnapshotJson.Jvm jvm) throws Exception {
    byte[] json = SnapshotJson.marker(tests, LocalDateTime.now().format(START_TIME), jvm);
    new MarkerFile(path).write(json, json.length);
    final Path marker = path;
    final Object written = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
    // A marker says "running" until someone replaces it: the agent's own one does once a later test
    // starts. If the JVM ends normally before that, ours would read as a crash; gone it is then.
    Runtime.getRuntime().addShutdownHook(new Thread("test-abort-attach-shutdown") {
      @Override
      public void run() {
        try {
          if (written != null && written.equals(Files.readAttributes(marker, BasicFileAttributes.class).fileKey())
              && !stillInFlight(tests)) {
            Files.deleteIfExists(marker);
          }
        } catch (Exception e) {
          // no marker to settle
        }
      }
    });
  }

  /** True while a named thread still runs the method it was named by (a SIGTERM in the middle of it). */
  static boolean stillInFlight(List<InFlightTest> tests) {
    for (InFlightTest t : tests) {
      if (!t.thread.isAlive()) {
        continue;
      }
      int user = StackNaming.userFrame(t.stack);
      for (StackTraceElement f : t.thread.getStackTrace()) {
        if (f.getClassName().equals(t.stack[user].getClassName()) && f.getMethodName().equals(t.stack[user].getMethodName())) {
          return true;
        }
      }
    }
    return false;
  }

  private static SnapshotJson.Jvm jvm(long pid, AgentOptions options) {
    SnapshotJson.Jvm jvm = new SnapshotJson.Jvm();
    jvm.pid = pid;
    jvm.gpuId = "unknown";
    for (String name : options.gpuEnv()) {
      String v = System.getenv(name);
      if (v != null && !v.isEmpty()) {
        jvm.gpuId = v;
        break;
      }
    }
    jvm.javaVersion = System.getProperty("java.version", "");
    jvm.cwd = System.getProperty("user.dir", "");
    String errorFile = null;
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("-XX:ErrorFile=")) {
        errorFile = arg.substring("-XX:ErrorFile=".length()).replace("%p", Long.toString(pid));
      }
    }
    jvm.errorFile = errorFile == null ? Paths.get(jvm.cwd, "hs_err_pid" + pid + ".log").toString()
        : Paths.get(jvm.cwd).resolve(errorFile).toString();
    return jvm;
  }
}
