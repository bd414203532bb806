package io.testabort.agent.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What runs in this JVM: tests and containers by key, in start order, each with its thread. Plain
 * data, not thread-safe: {@link TestRegistry} guards it.
 *
 * <p>The start order is a list, searched from its end: what a test event asks for (this thread's latest
 * test, the marker's top one) is nearly always the newest entry, found in one step. A test JVM runs
 * this code interpreted for much of its life, where a linked map's iterator cost a dozen calls a scan.
 */
final class RunningTests {
  private final Map<String, RunningTest> byKey = new HashMap<>();
  private final ArrayList<RunningTest> inStartOrder = new ArrayList<>();
  private int tests;

  /**
   * Adds {@code test}; false when its key already runs, or when it is work that a record on its thread
   * already covers (see {@link RunningTest.Builder#coversThread()}). The parent, when it runs, now had
   * children: a container's phase moves from setup to teardown once a child has run.
   */
  boolean add(RunningTest test, String parentKey) {
    if (byKey.containsKey(test.key) || coveredOnItsThread(test)) {
      return false;
    }
    if (parentKey != null) {
      RunningTest parent = byKey.get(parentKey);
      if (parent != null) {
        parent.hadChildren = true;
      }
    }
    byKey.put(test.key, test);
    inStartOrder.add(test);
    if (test.isTest) {
      tests++;
    }
    return true;
  }

  RunningTest remove(String key) {
    RunningTest t = byKey.remove(key);
    if (t == null) {
      return null;
    }
    for (int i = inStartOrder.size() - 1; i >= 0; i--) {
      if (inStartOrder.get(i) == t) {
        inStartOrder.remove(i);
        break;
      }
    }
    if (t.isTest) {
      tests--;
    }
    return t;
  }

  boolean contains(String key) {
    return byKey.containsKey(key);
  }

  /** Whether {@code test} itself (not only its key) still runs. */
  boolean contains(RunningTest test) {
    return byKey.get(test.key) == test;
  }

  boolean isEmpty() {
    return byKey.isEmpty();
  }

  /** The latest test ({@code testsOnly}) or test or container started on {@code thread} that still runs. */
  RunningTest latestOn(Thread thread, boolean testsOnly) {
    for (int i = inStartOrder.size() - 1; i >= 0; i--) {
      RunningTest t = inStartOrder.get(i);
      if ((t.isTest || !testsOnly) && t.thread == thread) {
        return t;
      }
    }
    return null;
  }

  /**
   * The latest test started on {@code thread}, or, when that thread started nothing at all, the only
   * test running in the JVM: a thread the test itself started runs its body (JUnit 4's
   * {@code @Test(timeout)} and {@code Timeout} rule, Jupiter's {@code SEPARATE_THREAD} timeouts, TestNG's
   * {@code timeOut}). With several tests in flight, or on a thread that runs a container of its own (a
   * class's {@code @AfterAll} beside another class's test), no test can be told: null.
   */
  RunningTest testOf(Thread thread) {
    RunningTest own = latestOn(thread, true);
    if (own != null || tests != 1 || latestOn(thread, false) != null) {
      return own;
    }
    for (int i = inStartOrder.size() - 1; i >= 0; i--) {
      if (inStartOrder.get(i).isTest) {
        return inStartOrder.get(i);
      }
    }
    return null;
  }

  private boolean coveredOnItsThread(RunningTest test) {
    RunningTest latest = latestOn(test.thread, false);
    return latest != null && latest.coversThread && !latest.recordedBy.equals(test.recordedBy);
  }

  /**
   * The one that has run longest, if longer than {@code nanos}; a container counts only before its first
   * child starts (a hanging {@code @BeforeAll}), since it otherwise runs as long as all its tests.
   */
  RunningTest runningLongerThan(long nanos) {
    long now = System.nanoTime();
    for (RunningTest t : inStartOrder) {
      if ((t.isTest || !t.hadChildren) && now - t.startNanos > nanos) {
        return t;
      }
    }
    return null;
  }

  /** What the marker names: the latest test started, or, with no test running, the latest container. */
  RunningTest top() {
    RunningTest latestContainer = null;
    for (int i = inStartOrder.size() - 1; i >= 0; i--) {
      RunningTest t = inStartOrder.get(i);
      if (t.isTest) {
        return t;
      }
      if (latestContainer == null) {
        latestContainer = t;
      }
    }
    return latestContainer;
  }

  /** Tests in flight, in start order (empty when fewer than two: the marker lists them only then). */
  List<RunningTest> parallelTests() {
    if (tests < 2) {
      return List.of();
    }
    List<RunningTest> out = new ArrayList<>(tests);
    for (RunningTest t : inStartOrder) {
      if (t.isTest) {
        out.add(t);
      }
    }
    return out;
  }
}
