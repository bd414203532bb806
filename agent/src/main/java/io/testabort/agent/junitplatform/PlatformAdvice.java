package io.testabort.agent.junitplatform;

import io.testabort.agent.instrument.Hook;
import io.testabort.agent.instrument.Reflect;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JUnit Platform hooks' agent side: reads a {@code TestDescriptor} (known here only as an
 * {@code Object}, since the launcher may live in a class loader the agent cannot see) and hands
 * {@link PlatformEvents} plain strings.
 */
final class PlatformAdvice implements Hook {
  static final int STARTED = 0;
  static final int FINISHED = 1;
  static final int TEST_METHOD_ENTERED = 2;
  static final int TEST_METHOD_EXITED = 3;
  static final int SHOULD_BE_SKIPPED = 4;

  private static final String METHOD_SOURCE = "org.junit.platform.engine.support.descriptor.MethodSource";
  private static final String CLASS_SOURCE = "org.junit.platform.engine.support.descriptor.ClassSource";
  private static final String SKIP_RESULT = "org.junit.platform.engine.support.hierarchical.Node$SkipResult";

  /**
   * Each running node's {@code UniqueId} object to its text and segments ({@link UniqueIdText}), needed at
   * its start, at each child's start (as the parent, and to build the child's) and at its end. Filled at
   * the start, emptied at the end; guarded by itself.
   */
  private static final Map<Object, PlatformNode> runningIds = new IdentityHashMap<>();

  private final int hook;

  PlatformAdvice(int hook) {
    this.hook = hook;
  }

  @Override
  public Object run(Object[] args) throws ReflectiveOperationException {
    switch (hook) {
      case STARTED:
        started(args[1]);
        return null;
      case FINISHED:
        PlatformEvents.finished(finishedId(args[1]));
        return null;
      case TEST_METHOD_ENTERED:
        PlatformEvents.testMethodEntered();
        return null;
      case TEST_METHOD_EXITED:
        PlatformEvents.testMethodExited();
        return null;
      case SHOULD_BE_SKIPPED:
        return skip(args[0], args[1]);
      default:
        return null;
    }
  }

  /** ExecutionListenerAdapter.executionStarted(TestDescriptor). */
  private static void started(Object descriptor) throws ReflectiveOperationException {
    Object source = ((Optional<?>) Reflect.call(descriptor, "getSource")).orElse(null);
    Object id = Reflect.call(descriptor, "getUniqueId");
    IdTexts ids = idTexts(descriptor, id);
    synchronized (runningIds) {
      runningIds.put(id, ids.node);
    }
    PlatformEvents.started(
        ids.node.text,
        ids.node.segments,
        ids.parent,
        (String) Reflect.call(descriptor, "getDisplayName"),
        (Boolean) Reflect.call(descriptor, "isTest"),
        className(source),
        methodName(source));
  }

  /**
   * Jupiter's shouldBeSkipped, on return: a node on the skip list is skipped by Jupiter itself, with the
   * reason, before anything of it runs. Woven only when a skip list is set.
   */
  private static Object skip(Object result, Object descriptor) throws ReflectiveOperationException {
    if (result != null && (Boolean) Reflect.call(result, "isSkipped")) {
      return null;
    }
    Object source = ((Optional<?>) Reflect.call(descriptor, "getSource")).orElse(null);
    String reason =
        PlatformEvents.skipReason(
            idTexts(descriptor, Reflect.call(descriptor, "getUniqueId")).node.text,
            (String) Reflect.call(descriptor, "getDisplayName"),
            (Boolean) Reflect.call(descriptor, "isTest"),
            className(source),
            methodName(source));
    if (reason == null) {
      return null;
    }
    return Reflect.callStatic(Reflect.classNear(descriptor, SKIP_RESULT), "skip", String.class, reason);
  }

  /** A node's id and its parent's text (null for a root); the node has not started yet. */
  private static IdTexts idTexts(Object descriptor, Object id) throws ReflectiveOperationException {
    Object parent = ((Optional<?>) Reflect.call(descriptor, "getParent")).orElse(null);
    Object parentId = parent == null ? null : Reflect.call(parent, "getUniqueId");
    PlatformNode parentNode;
    synchronized (runningIds) {
      parentNode = parentId == null ? null : runningIds.get(parentId);
    }
    PlatformNode node = UniqueIdText.of(id, parentId, parentNode);
    // a parent the hooks did not see start is named by the Platform's text
    String parentText = parentNode != null ? parentNode.text : parentId != null ? parentId.toString() : null;
    return new IdTexts(node, parentText);
  }

  private static final class IdTexts {
    final PlatformNode node;
    final String parent;

    IdTexts(PlatformNode node, String parent) {
      this.node = node;
      this.parent = parent;
    }
  }

  /** The id of a node that finishes, which is then forgotten. */
  private static String finishedId(Object descriptor) throws ReflectiveOperationException {
    Object id = Reflect.call(descriptor, "getUniqueId");
    PlatformNode known;
    synchronized (runningIds) {
      known = runningIds.remove(id);
    }
    return known != null ? known.text : id.toString();
  }

  private static String className(Object source) throws ReflectiveOperationException {
    if (source == null) {
      return null;
    }
    String type = source.getClass().getName();
    return type.equals(METHOD_SOURCE) || type.equals(CLASS_SOURCE) ? (String) Reflect.call(source, "getClassName") : null;
  }

  private static String methodName(Object source) throws ReflectiveOperationException {
    return source != null && source.getClass().getName().equals(METHOD_SOURCE)
        ? (String) Reflect.call(source, "getMethodName")
        : null;
  }
}
