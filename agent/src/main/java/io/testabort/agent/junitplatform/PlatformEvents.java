package io.testabort.agent.junitplatform;

import io.testabort.agent.core.AgentLog;
import io.testabort.agent.core.RunningTest;
import io.testabort.agent.core.SkipList;
import io.testabort.agent.core.TestEvents;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the JUnit Platform advice calls, with plain strings only. Builds the node id and hands the test to
 * {@link TestEvents}. Never throws.
 *
 * <p>Recorded once: the Vintage engine's records cover their thread, so JUnit 4's own hooks leave the
 * tests they see again alone; a TestNG invocation's record covers its thread, so the Platform's TestNG
 * engine reporting that test from inside it is not recorded twice.
 */
public final class PlatformEvents {
  /** The layer name of these hooks' records. */
  static final String LAYER = "junit-platform";
  static final String VINTAGE = "junit-vintage";

  /** class and method of running descriptors, so a dynamic test can be named after its factory method. */
  private static final Map<String, String[]> sources = new ConcurrentHashMap<>();

  private PlatformEvents() {}

  public static void started(
      String uniqueId, String parentId, String displayName, boolean isTest, String className, String methodName) {
    started(uniqueId, PlatformNodeIds.parse(uniqueId), parentId, displayName, isTest, className, methodName);
  }

  /** A node starts; {@code segments} are its unique id's, parsed. */
  static void started(
      String uniqueId,
      List<PlatformNodeIds.Segment> segments,
      String parentId,
      String displayName,
      boolean isTest,
      String className,
      String methodName) {
    if (!TestEvents.active()) {
      return;
    }
    try {
      RunningTest test = describe(uniqueId, segments, displayName, isTest, className, methodName);
      if (test != null) {
        TestEvents.started(test, PlatformNodeIds.recordedParent(parentId));
      }
    } catch (Throwable t) {
      AgentLog.error("JUnit Platform start of " + uniqueId, t);
    }
  }

  public static void finished(String uniqueId) {
    sources.remove(uniqueId);
    TestEvents.finished(uniqueId);
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
    TestEvents.testMethod(null, null, true);
  }

  public static void testMethodExited() {
    TestEvents.testMethod(null, null, false);
  }

  /** The running test for a descriptor, or null for an engine root (which names nothing useful). */
  static RunningTest describe(String uniqueId, String displayName, boolean isTest, String className, String methodName) {
    return describe(uniqueId, PlatformNodeIds.parse(uniqueId), displayName, isTest, className, methodName);
  }

  /** The same, with the unique id's segments parsed already. */
  static RunningTest describe(
      String uniqueId,
      List<PlatformNodeIds.Segment> segments,
      String displayName,
      boolean isTest,
      String className,
      String methodName) {
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
    } else if (PlatformNodeIds.hasInvocation(segments)) {
      // a parameterized/repeated invocation, a dynamic test, or anything in an invocation of a
      // @ParameterizedClass: named after its method (or class) plus an [i] per invocation
      if (PlatformNodeIds.invocationDepth(segments) > 0) {
        String[] owner = sources.get(PlatformNodeIds.withoutInvocations(uniqueId, segments));
        if (owner != null) {
          cls = owner[0];
          method = owner[1];
        }
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
    RunningTest.Builder b = RunningTest.builder(uniqueId, engine, isTest).recordedBy(LAYER);
    if (engine.equals(VINTAGE)) {
      b.coversThread(); // JUnit 4's notifier reports the same class and test from inside
    }
    return b.nodeid(nodeid)
        .testName(testName)
        .testClass(cls)
        .method(method)
        .displayName(displayName)
        .uniqueId(uniqueId)
        .phase(hasLifecycle ? RunningTest.SETUP : RunningTest.CALL)
        .build();
  }
}
