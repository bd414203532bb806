package io.testabort.agent.core;

import java.nio.file.Path;

/**
 * What runs in this JVM, kept in step with the marker: every change is applied and written under one
 * lock, so the last write always shows the latest state. Framework packages reach it only through
 * {@link TestEvents}; it knows no framework.
 *
 * <p>The marker names the most recently started test, or, when no test runs, the most recently started
 * container (a class in {@code @BeforeAll}, say). When nothing runs it says {@code idle}; at a clean JVM
 * exit it is removed.
 */
public final class TestRegistry {
  private final RunningTests running = new RunningTests();
  private final MarkerWriter marker;
  /** No more changes: the JVM is halting (timeout) or shutting down. */
  private boolean closed;

  public TestRegistry(MarkerFile file, long pid, String gpuId) {
    this.marker = new MarkerWriter(file, pid, gpuId);
  }

  /**
   * Records a start; false when it was not recorded (its key runs already, or a record on its thread
   * covers it). {@code parentKey} (may be null) names the enclosing container.
   */
  public synchronized boolean started(RunningTest test, String parentKey) {
    if (closed || !running.add(test, parentKey)) {
      return false;
    }
    survivedExit();
    marker.write(running);
    return true;
  }

  public synchronized void finished(String key) {
    if (closed || running.remove(key) == null) {
      return;
    }
    survivedExit();
    marker.write(running);
  }

  /** Moves this thread's test ({@link RunningTests#testOf}) to {@code phase}. */
  public synchronized void phase(String phase) {
    RunningTest t = running.testOf(Thread.currentThread());
    if (t != null) {
      setPhase(t, phase);
    }
  }

  /**
   * Moves the latest test started on this thread to {@code phase} if its framework is {@code framework}
   * or {@code alsoFramework} (may be null): a framework's hooks leave another framework's test alone.
   */
  public synchronized void phaseOf(String framework, String alsoFramework, String phase) {
    RunningTest t = running.testOf(Thread.currentThread());
    if (t != null && (t.framework.equals(framework) || t.framework.equals(alsoFramework))) {
      setPhase(t, phase);
    }
  }

  /**
   * This thread's latest test (of {@code framework} or {@code alsoFramework}; any when {@code framework} is
   * null) enters or leaves a test method: {@code call}, then {@code teardown}. Counted, so that tests
   * the method runs inline (JUnit's {@code EngineTestKit}, {@code JUnitCore.runClasses} in a test), whose
   * own method hooks fire on this thread but which are not recorded, leave its phase alone.
   */
  public synchronized void testMethod(String framework, String alsoFramework, boolean entering) {
    RunningTest t = running.testOf(Thread.currentThread());
    if (t == null || framework != null && !t.framework.equals(framework) && !t.framework.equals(alsoFramework)) {
      return;
    }
    if (entering) {
      if (++t.methodDepth == 1) {
        setPhase(t, RunningTest.CALL);
      }
    } else if (t.methodDepth > 0 && --t.methodDepth == 0) {
      setPhase(t, RunningTest.TEARDOWN);
    }
  }

  /** {@link #phaseOf}, unless this thread is inside the test's method (a test run inline sets it up). */
  public synchronized void phaseOutsideMethod(String framework, String alsoFramework, String phase) {
    RunningTest t = running.testOf(Thread.currentThread());
    if (t != null && t.methodDepth == 0 && (t.framework.equals(framework) || t.framework.equals(alsoFramework))) {
      setPhase(t, phase);
    }
  }

  private void setPhase(RunningTest t, String phase) {
    if (!closed && !phase.equals(t.phase)) {
      t.phase = phase;
      if (t.emptyTeardown && phase.equals(RunningTest.TEARDOWN)) {
        return; // no code of the test runs there: the marker keeps call until the test ends
      }
      marker.phaseChanged(running, t);
    }
  }

  public synchronized boolean isRunning(String key) {
    return running.contains(key);
  }

  public synchronized boolean anythingRunning() {
    return !running.isEmpty();
  }

  /**
   * The test (not container) the calling thread works for ({@link RunningTests#testOf}): the latest it
   * started, or the only one running when it started none (a timeout's thread). Null if none.
   */
  public synchronized RunningTest currentTest() {
    return running.testOf(Thread.currentThread());
  }

  /** The latest test or container started on the calling thread that still runs, or null. */
  public synchronized RunningTest latestOnThread() {
    return running.latestOn(Thread.currentThread(), false);
  }

  /**
   * {@code System.exit}/{@code Runtime.halt} was called: recorded in the marker when something runs.
   *
   * @return true when a test or container was running
   */
  public synchronized boolean exitCalled(int code, String via, StackTraceElement[] trace) {
    if (closed || running.isEmpty()) {
      return false;
    }
    if (marker.exit() == null) {
      Thread caller = Thread.currentThread();
      marker.exit(new ExitRecord(code, via, ExitRecord.callerStack(trace)), running.testOf(caller), caller);
      marker.write(running);
    }
    return true;
  }

  /**
   * A test event on the thread that called {@code System.exit}/{@code Runtime.halt}: the call threw (a
   * SecurityManager's {@code checkExit} trapped it), so the JVM lives on and the exit is no longer what
   * the marker must say; a real exit never returns to its caller.
   */
  private void survivedExit() {
    if (marker.exit() != null && marker.exitThread() == Thread.currentThread()) {
      marker.exit(null, null, null);
    }
  }

  Path markerPath() {
    return marker.path();
  }

  synchronized RunningTest runningLongerThan(long nanos) {
    return running.runningLongerThan(nanos);
  }

  /** The watchdog gave up on {@code test}: the marker names it, still running, with the timeout; it stays. */
  synchronized void timedOut(RunningTest test, long seconds) {
    if (closed) {
      return;
    }
    marker.timedOut(test, seconds);
    marker.write(running);
    closed = true;
  }

  /**
   * The JVM shuts down. With nothing running the marker goes; otherwise the JVM is leaving in the middle
   * of a test (System.exit, SIGTERM, SIGINT) and the marker stays, saying how.
   */
  synchronized void shutdown() {
    if (closed) {
      return;
    }
    closed = true;
    if (running.isEmpty()) {
      marker.delete();
      return;
    }
    if (marker.exit() == null) {
      marker.exit(ExitRecord.fromThreads());
    }
    marker.write(running);
  }
}
