package io.testabort.agent.junitplatform;

import io.testabort.agent.core.AgentLog;
import io.testabort.agent.core.RunningTest;
import io.testabort.agent.core.SkipList;
import io.testabort.agent.core.TestRegistry;
import io.testabort.agent.testng.TestNGEvents;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the JUnit Platform advice calls, with plain strings only. Builds the node id and hands the test to
 * the {@link TestRegistry}. Never throws.
 */
public final class PlatformEvents {
  /** class and method of running descriptors, so a dynamic test can be named after its factory method. */
  private static final Map<String, String[]> sources = new ConcurrentHashMap<>();

  private PlatformEvents() {}

  public static void started(
      String uniqueId, String parentId, String displayName, boolean isTest, String className, String methodName) {
    TestRegistry registry = TestRegistry.get();
    if (registry == null) {
      return;
    }
    try {
      RunningTest test = describe(uniqueId, displayName, isTest, className, methodName);
      // recorded once: TestNG's engine reports a test from inside the invocation TestNG's hooks record
      if (test != null && !(isTest && TestNGEvents.recordedOnThisThread(registry))) {
        registry.started(test, parentId);
      }
    } catch (Throwable t) {
      AgentLog.error("JUnit Platform start of " + uniqueId, t);
    }
  }

  public static void finished(String uniqueId) {
    sources.remove(uniqueId);
    TestRegistry.finishQuietly(uniqueId);
  }

  /** Whether a skip list is set; the skip advice asks first, to cost nothing without one. */
  public static boolean skipListConfigured() {
    return SkipList.configured();
  }

  /** The skip-list reason for a node that is about to run, or null to run it. */
  public static String skipReason(
      String uniqueId, String displayName, boolean isTest, String className, String methodName) {
    if (!SkipList.configured()) {
      return null; // every Jupiter node asks: no node id to build without a skip list
    }
    try {
      RunningTest node = describe(uniqueId, displayName, isTest, className, methodName);
      String reason = node == null ? null : SkipList.reason(node.nodeid());
      if (reason != null) {
        sources.remove(uniqueId); // a skipped container never starts nor finishes
      }
      return reason;
    } catch (Throwable t) {
      AgentLog.error("JUnit Platform skip list", t);
      return null;
    }
  }

  public static void testMethodEntered() {
    phase(RunningTest.CALL);
  }

  public static void testMethodExited() {
    phase(RunningTest.TEARDOWN);
  }

  private static void phase(String phase) {
    TestRegistry.phaseQuietly(phase);
  }

  /** The running test for a descriptor, or null for an engine root (which names nothing useful). */
  static RunningTest describe(String uniqueId, String displayName, boolean isTest, String className, String methodName) {
    List<PlatformNodeIds.Segment> segments = PlatformNodeIds.parse(uniqueId);
    if (segments.isEmpty() || segments.get(segments.size() - 1).type.equals("engine")) {
      return null;
    }
    String engine = PlatformNodeIds.engine(segments);
    String cls = className;
    String method = methodName;
    String suffix = "";
    if (engine.equals("junit-vintage")) {
      String[] junit4 = PlatformNodeIds.vintageTest(segments);
      if (junit4 != null) {
        cls = junit4[0];
        method = junit4[1];
      }
    } else if (PlatformNodeIds.invocationDepth(segments) > 0) {
      // a parameterized/repeated invocation or a dynamic test: named after its method plus [i]s
      String[] owner = sources.get(PlatformNodeIds.withoutInvocations(uniqueId, segments));
      if (owner != null) {
        cls = owner[0];
        method = owner[1];
      }
      suffix = PlatformNodeIds.invocationSuffix(segments);
    }
    if (!isTest && cls != null) {
      sources.put(uniqueId, new String[] {cls, method});
    }
    String nodeid;
    String testName;
    if (cls == null) {
      nodeid = uniqueId;
      testName = displayName;
    } else if (method == null) {
      nodeid = cls + suffix;
      testName = RunningTest.simpleName(cls);
    } else {
      nodeid = cls + '#' + method + suffix;
      testName = method;
    }
    String lastType = segments.get(segments.size() - 1).type;
    boolean hasLifecycle =
        engine.equals("junit-jupiter") && (lastType.equals("method") || lastType.equals("test-template-invocation"));
    return RunningTest.builder(uniqueId, engine, isTest)
        .nodeid(nodeid)
        .testName(testName)
        .testClass(cls)
        .method(method)
        .displayName(displayName)
        .uniqueId(uniqueId)
        .phase(hasLifecycle ? RunningTest.SETUP : RunningTest.CALL)
        .build();
  }
}
