package io.testabort.agent.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What runs in this JVM: tests and containers by key, in start order, each with its thread. Plain
 * data, not thread-safe: {@link TestRegistry} guards it.
 */
final class RunningTests {
  private final Map<String, RunningTest> byKey = new LinkedHashMap<>();
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
    if (test.isTest) {
      tests++;
    }
    return true;
  }

  RunningTest remove(String key) {
    RunningTest t = byKey.remove(key);
    if (t != null && t.isTest) {
      tests--;
    }
    return t;
  }

  boolean contains(String key) {
    return byKey.containsKey(key);
  }

  boolean isEmpty() {
    return byKey.isEmpty();
  }

  /** The latest test ({@code testsOnly}) or test or container started on {@code thread} that still runs. */
  RunningTest latestOn(Thread thread, boolean testsOnly) {
    RunningTest found = null;
    for (RunningTest t : byKey.values()) {
      if ((t.isTest || !testsOnly) && t.thread == thread) {
        found = t;
      }
    }
    return found;
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
    for (RunningTest t : byKey.values()) {
      if ((t.isTest || !t.hadChildren) && now - t.startNanos > nanos) {
        return t;
      }
    }
    return null;
  }

  /** What the marker names: the latest test started, or, with no test running, the latest container. */
  RunningTest top() {
    RunningTest latestTest = null;
    RunningTest latestContainer = null;
    for (RunningTest t : byKey.values()) {
      if (t.isTest) {
        latestTest = t;
      } else {
        latestContainer = t;
      }
    }
    return latestTest != null ? latestTest : latestContainer;
  }

  /** Tests in flight, in start order (empty when fewer than two: the marker lists them only then). */
  List<RunningTest> parallelTests() {
    if (tests < 2) {
      return List.of();
    }
    List<RunningTest> out = new ArrayList<>(tests);
    for (RunningTest t : byKey.values()) {
      if (t.isTest) {
        out.add(t);
      }
    }
    return out;
  }
}
