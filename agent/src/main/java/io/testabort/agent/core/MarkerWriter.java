package io.testabort.agent.core;

import java.nio.file.Path;
import java.util.List;

/**
 * Decides what the marker shows for the tests in flight and writes it: the top test, its status
 * ({@code running}, or {@code idle} naming the last one when nothing runs), an exit or a timeout once
 * one happened. Called only under the {@link TestRegistry}'s lock.
 *
 * <p>A phase change of the test the marker names rewrites just the phase value in place instead of the
 * whole record: between {@code setup} and {@code call} one aligned 8-byte store into the mapped page,
 * to or from {@code teardown} (nine bytes differ) a positional write of the ten-byte slot.
 */
final class MarkerWriter {
  private final MarkerFile file;
  private final long pid;
  private final String gpuId;
  private MarkerRenderer renderer;
  private ExitRecord exit;
  /** The test whose thread called the exit (null if none could be told), and that thread. */
  private RunningTest exitTest;
  private Thread exitThread;
  private RunningTest timedOut;
  private long timeoutSeconds;
  private RunningTest lastTop;
  /** The test whose phase sits at {@code phaseOffset} of the file, or null. */
  private RunningTest phaseOwner;
  private int phaseOffset = -1;
  private String shownPhase;
  private boolean failed;
  /**
   * The last record rendered for a container, kept to be written again unchanged: with a test of it
   * finished, the marker names its container again, the same bytes each time (the renderer still costs
   * a few microseconds a record while the JVM interprets it, and this is half the records of a run).
   */
  private RunningTest containerShown;
  private String containerPhase;
  private byte[] containerRecord = new byte[0];
  private int containerLength;
  private int containerPhaseOffset;

  MarkerWriter(MarkerFile file, long pid, String gpuId) {
    this.file = file;
    this.pid = pid;
    this.gpuId = gpuId;
  }

  Path path() {
    return file.path();
  }

  ExitRecord exit() {
    return exit;
  }

  void exit(ExitRecord record) {
    exit(record, null, null);
  }

  /**
   * The exit to show, called by {@code thread} while it worked for {@code test}: the marker then names
   * that test, not the latest started (in a parallel run another thread's). Null clears it.
   */
  void exit(ExitRecord record, RunningTest test, Thread thread) {
    exit = record;
    exitTest = test;
    exitThread = thread;
  }

  Thread exitThread() {
    return exitThread;
  }

  void timedOut(RunningTest test, long seconds) {
    timedOut = test;
    timeoutSeconds = seconds;
  }

  /** Rewrites the whole record for {@code running}. */
  void write(RunningTests running) {
    if (failed) {
      return;
    }
    try {
      RunningTest top = timedOut != null ? timedOut : exitTest != null && running.contains(exitTest) ? exitTest : running.top();
      String status = "running";
      if (top == null) {
        top = lastTop;
        status = "idle";
      } else {
        lastTop = top;
      }
      if (top == null) {
        return;
      }
      if (renderer == null) {
        // java.management and the JSON writer only once a test runs
        renderer = new MarkerRenderer(pid, gpuId, JvmInfo.read(pid));
      }
      List<RunningTest> parallel = running.parallelTests();
      String phase = top.effectivePhase();
      // only a running container with nothing else to say: no exit, timeout or parallel tests
      boolean plainContainer = !top.isTest && status.equals("running") && exit == null && timedOut == null
          && parallel.isEmpty();
      if (plainContainer && top == containerShown && phase.equals(containerPhase)) {
        file.write(containerRecord, containerLength);
        phaseOffset = containerPhaseOffset;
      } else {
        MarkerRenderer.Record r = renderer.render(top, status, timedOut != null ? timeoutSeconds : 0, exit, parallel);
        file.write(r.bytes, r.length);
        phaseOffset = r.phaseOffset;
        if (plainContainer) {
          keepContainerRecord(top, phase, r);
        }
      }
      phaseOwner = phaseOffset >= 0 && status.equals("running") ? top : null;
      shownPhase = phase;
    } catch (Throwable t) {
      fail(t);
    }
  }

  private void keepContainerRecord(RunningTest container, String phase, MarkerRenderer.Record r) {
    if (containerRecord.length < r.length) {
      containerRecord = new byte[Math.max(r.length, MarkerFile.PAGE)];
    }
    System.arraycopy(r.bytes, 0, containerRecord, 0, r.length);
    containerLength = r.length;
    containerPhaseOffset = r.phaseOffset;
    containerPhase = phase;
    containerShown = container;
  }

  /** {@code test}'s phase changed: only its phase value when it alone is named, else the whole record. */
  void phaseChanged(RunningTests running, RunningTest test) {
    if (failed) {
      return;
    }
    if (test != phaseOwner || !file.inOnePage()) {
      write(running);
      return;
    }
    try {
      String phase = test.effectivePhase();
      byte[] slot = MarkerRenderer.phaseSlot(phase);
      if (MarkerRenderer.isWordFlip(shownPhase, phase) && file.wordStoreReady()) {
        file.storeWord(phaseOffset + 1, slot, 1); // setup <-> call: no system call
      } else {
        file.writeAt(phaseOffset, slot);
      }
      shownPhase = phase;
    } catch (Throwable t) {
      fail(t);
    }
  }

  void delete() {
    try {
      file.delete();
    } catch (Throwable t) {
      AgentLog.error("removing the marker " + file.path(), t);
    }
  }

  private void fail(Throwable t) {
    // an unwritable marker would otherwise cost a failing file operation at every test event
    failed = true;
    AgentLog.error("writing the marker " + file.path() + " (no more markers from this JVM)", t);
  }
}
