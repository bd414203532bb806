package io.testabort.agent.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is running in this JVM, by key, in start order; every change rewrites the marker. Framework
 * instrumentations call it (through their own small event classes); it knows no framework.
 *
 * <p>The top of the marker is the most recently started test, or, when no test runs, the most recently
 * started container (a class in {@code @BeforeAll}, say). When nothing runs, the marker says {@code idle};
 * at a clean JVM exit it is removed.
 */
public final class TestRegistry {
  private static volatile TestRegistry instance;
  private static AgentOptions pendingOptions;
  private static final List<Runnable> pendingFirstStart = new ArrayList<>();

  private final Map<String, RunningTest> running = new LinkedHashMap<>();
  private final MarkerFile marker;
  private MarkerJson json;
  private final long pid;
  private final String gpuId;
  private final List<Runnable> onFirstStart = new ArrayList<>();
  private boolean started;
  private JvmInfo jvm;
  private RunningTest lastTop;
  private ExitRecord exit;
  private String statusOverride;
  private RunningTest timedOut;
  private long timeoutSeconds;
  private boolean closed;
  private boolean markerFailed;

  public TestRegistry(MarkerFile marker, long pid, String gpuId) {
    this.marker = marker;
    this.pid = pid;
    this.gpuId = gpuId;
  }

  /**
   * The registry of this JVM, or null when the agent is inert. Built on first use: the pid, the marker
   * path and the JSON writer cost start-up time that JVMs which never run a test should not pay.
   */
  public static TestRegistry get() {
    TestRegistry r = instance;
    return r != null || pendingOptions == null ? r : create();
  }

  private static synchronized TestRegistry create() {
    if (instance == null && pendingOptions != null) {
      long pid = ProcessHandle.current().pid();
      final TestRegistry r = new TestRegistry(new MarkerFile(pendingOptions.markerPath(pid)), pid, gpuId(pendingOptions.gpuEnv()));
      r.onFirstStart.addAll(pendingFirstStart);
      final AgentOptions options = pendingOptions;
      if (options.crashLog() != null) {
        final long ownPid = pid;
        r.onFirstStart.add(
            new Runnable() {
              @Override
              public void run() {
                if (options.dirMode()) {
                  DeadMarkers.collectInBackground(options.markerDir(), options.crashLog());
                } else {
                  DeadMarkers.recordBeforeOverwrite(options.markerPath(ownPid), options.crashLog(), ownPid);
                }
              }
            });
      }
      final long timeout = pendingOptions.timeoutSeconds();
      if (timeout > 0) {
        r.onFirstStart.add(
            new Runnable() {
              @Override
              public void run() {
                Watchdog.start(r, timeout);
              }
            });
      }
      instance = r;
    }
    return instance;
  }

  /** Makes {@link #get()} build a registry for {@code options}, running {@code firstStart} when a test first starts. */
  static synchronized void installLazily(AgentOptions options, Runnable firstStart) {
    pendingOptions = options;
    pendingFirstStart.add(firstStart);
  }

  /** What a framework hook calls when something ends: never throws, an agent error is one stderr line. */
  public static void finishQuietly(String key) {
    TestRegistry registry = get();
    if (registry == null || key == null) {
      return;
    }
    try {
      registry.finished(key);
    } catch (Throwable t) {
      AgentLog.error("recording the end of " + key, t);
    }
  }

  /** What a framework hook calls when a phase begins on this thread: never throws. */
  public static void phaseQuietly(String phase) {
    TestRegistry registry = get();
    if (registry == null) {
      return;
    }
    try {
      registry.phase(phase);
    } catch (Throwable t) {
      AgentLog.error("recording phase " + phase, t);
    }
  }

  /** Shutdown hook of the agent: only a registry that was built has a marker to settle. */
  static void shutdownIfCreated() {
    TestRegistry r = instance;
    if (r != null) {
      DeadMarkers.awaitCollection(2000);
      r.shutdown();
    }
  }

  /** The first GPU visibility variable that is set, as pytest-abort reports it; else "unknown". */
  static String gpuId(List<String> names) {
    for (String name : names) {
      String v = System.getenv(name);
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return "unknown";
  }

  static void install(TestRegistry registry) {
    instance = registry;
  }

  /**
   * Records a start. {@code parentKey} (may be null) names the enclosing container, whose phase moves from
   * setup to teardown once a child has run.
   */
  public void started(RunningTest test, String parentKey) {
    firstStart();
    synchronized (this) {
      if (closed || running.containsKey(test.key)) {
        return;
      }
      if (parentKey != null) {
        RunningTest parent = running.get(parentKey);
        if (parent != null) {
          parent.hadChildren = true;
        }
      }
      running.put(test.key, test);
      write();
    }
  }

  public synchronized void finished(String key) {
    if (closed || running.remove(key) == null) {
      return;
    }
    write();
  }

  public synchronized boolean isRunning(String key) {
    return running.containsKey(key);
  }

  /** Moves the latest test started on this thread to {@code phase}. */
  public synchronized void phase(String phase) {
    RunningTest t = currentTest();
    if (t != null && !phase.equals(t.phase)) {
      t.phase = phase;
      write();
    }
  }

  /** The latest test (not container) started on the calling thread that still runs, or null. */
  public synchronized RunningTest currentTest() {
    return latestOnThread(true);
  }

  /**
   * The latest test or container started on the calling thread that still runs, or null. Lets one layer
   * see that another (the JUnit Platform's Vintage engine, say) already records what runs on this thread.
   */
  public synchronized RunningTest latestOnThread() {
    return latestOnThread(false);
  }

  private RunningTest latestOnThread(boolean testsOnly) {
    Thread me = Thread.currentThread();
    RunningTest found = null;
    for (RunningTest t : running.values()) {
      if ((t.isTest || !testsOnly) && t.thread == me) {
        found = t;
      }
    }
    return found;
  }

  public synchronized boolean anythingRunning() {
    return !running.isEmpty();
  }

  /**
   * {@code System.exit}/{@code Runtime.halt} was called. Recorded in the marker when something runs.
   *
   * @return true when a test or container was running
   */
  public synchronized boolean exitCalled(int code, String via, StackTraceElement[] trace) {
    if (closed || running.isEmpty()) {
      return false;
    }
    if (exit == null) {
      exit = new ExitRecord(code, via, ExitRecord.callerStack(trace));
      write();
    }
    return true;
  }

  /** Marks the marker with a status other than running/idle (e.g. {@code timeout}) and keeps it. */
  public synchronized void finalStatus(String status) {
    statusOverride = status;
    write();
    closed = true;
  }

  Path markerPath() {
    return marker.path();
  }

  /**
   * The test that has run longest, if longer than {@code nanos}; a container counts only before its first
   * child starts (a hanging {@code @BeforeAll}), since it otherwise runs as long as all its tests.
   */
  synchronized RunningTest runningLongerThan(long nanos) {
    long now = System.nanoTime();
    for (RunningTest t : running.values()) {
      if ((t.isTest || !t.hadChildren) && now - t.startNanos > nanos) {
        return t;
      }
    }
    return null;
  }

  /** The watchdog gave up on {@code test}: the marker names it with status timeout, and stays. */
  synchronized void timedOut(RunningTest test, long seconds) {
    timedOut = test;
    timeoutSeconds = seconds;
    finalStatus("timeout");
  }

  /**
   * The JVM shuts down. With nothing running the marker goes; otherwise the JVM is leaving in the middle
   * of a test (System.exit, SIGTERM, SIGINT) and the marker stays, saying how.
   */
  synchronized void shutdown() {
    if (closed) {
      return;
    }
    try {
      if (running.isEmpty()) {
        closed = true;
        marker.delete();
        return;
      }
      if (exit == null) {
        exit = exitFromThreads();
      }
      write();
      closed = true;
    } catch (IOException | RuntimeException e) {
      AgentLog.error("marker at shutdown", e);
    }
  }

  /** Without the Runtime hook we still find who called System.exit: that thread waits inside it. */
  private static ExitRecord exitFromThreads() {
    for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
      if (ExitRecord.isExiting(e.getValue())) {
        return new ExitRecord(null, "System.exit", ExitRecord.callerStack(e.getValue()));
      }
    }
    return new ExitRecord(null, "shutdown", new ArrayList<>());
  }

  private void firstStart() {
    List<Runnable> actions;
    synchronized (this) {
      if (started) {
        return;
      }
      started = true;
      actions = new ArrayList<>(onFirstStart);
    }
    for (Runnable r : actions) {
      try {
        r.run();
      } catch (Throwable t) {
        AgentLog.error("agent start-up step", t);
      }
    }
  }

  private void write() {
    if (markerFailed) {
      return;
    }
    try {
      if (jvm == null) {
        jvm = JvmInfo.read(pid);
        json = new MarkerJson();
      }
      MarkerJson.Content c = new MarkerJson.Content();
      c.pid = pid;
      c.gpuId = gpuId;
      c.jvm = jvm;
      c.exit = exit;
      List<RunningTest> tests = new ArrayList<>();
      RunningTest topContainer = null;
      for (Iterator<RunningTest> it = running.values().iterator(); it.hasNext(); ) {
        RunningTest t = it.next();
        if (t.isTest) {
          tests.add(t);
        } else {
          topContainer = t;
        }
      }
      if (!tests.isEmpty()) {
        c.top = tests.get(tests.size() - 1);
        c.running = tests;
      } else {
        c.top = topContainer;
      }
      if (c.top == null) {
        c.top = lastTop;
        c.status = "idle";
      } else {
        c.status = "running";
        lastTop = c.top;
      }
      if (timedOut != null) {
        c.top = timedOut;
        c.timeoutSeconds = timeoutSeconds;
      }
      if (statusOverride != null) {
        c.status = statusOverride;
      }
      if (c.top == null) {
        return;
      }
      marker.write(json.render(c));
    } catch (Throwable t) {
      // an unwritable marker would otherwise cost a failing file operation at every test event
      markerFailed = true;
      AgentLog.error("writing the marker " + marker.path() + " (no more markers from this JVM)", t);
    }
  }
}
