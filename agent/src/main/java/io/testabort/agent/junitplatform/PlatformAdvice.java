package io.testabort.agent.junitplatform;

import io.testabort.agent.instrument.Hook;
import io.testabort.agent.instrument.HookRead;
import io.testabort.agent.instrument.Reflect;
import java.util.IdentityHashMap;
import java.util.List;
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

  private static final String DESCRIPTOR = "org.junit.platform.engine.TestDescriptor";
  private static final String UNIQUE_ID = "org.junit.platform.engine.UniqueId";
  private static final String SEGMENT = "org.junit.platform.engine.UniqueId$Segment";
  private static final String OPTIONAL = "Ljava/util/Optional;";
  private static final String STRING = "Ljava/lang/String;";

  /**
   * What a start reads of its {@code TestDescriptor} (argument 0 of {@code executionStarted}), woven as
   * typed calls in the launcher's own method rather than read here by reflection: ten of the twelve
   * reflective calls a node start made, each a dozen interpreted frames while the JVM interprets the agent
   * (the source's two names are still read here: see {@code className}).
   * The hook gets them after the arguments, in this order; each is null if its calls threw, and is then
   * read here by reflection.
   */
  static final HookRead[] STARTED_READS = {
    HookRead.argument(0).call(DESCRIPTOR, "getUniqueId", descriptor(UNIQUE_ID), true),
    HookRead.argument(0).call(DESCRIPTOR, "getUniqueId", descriptor(UNIQUE_ID), true)
        .call(UNIQUE_ID, "getSegments", "Ljava/util/List;", false),
    HookRead.argument(0).call(DESCRIPTOR, "getUniqueId", descriptor(UNIQUE_ID), true)
        .call(UNIQUE_ID, "getLastSegment", descriptor(SEGMENT), false).call(SEGMENT, "getType", STRING, false),
    HookRead.argument(0).call(DESCRIPTOR, "getUniqueId", descriptor(UNIQUE_ID), true)
        .call(UNIQUE_ID, "getLastSegment", descriptor(SEGMENT), false).call(SEGMENT, "getValue", STRING, false),
    HookRead.argument(0).call(DESCRIPTOR, "getParent", OPTIONAL, true),
    HookRead.argument(0).call(DESCRIPTOR, "getDisplayName", STRING, true),
    HookRead.argument(0).call(DESCRIPTOR, "isTest", "Z", true),
    HookRead.argument(0).call(DESCRIPTOR, "getSource", OPTIONAL, true),
  };
  /** Where each of {@link #STARTED_READS} is in the hook's arguments: after {@code [this, descriptor]}. */
  private static final int ID = 2;
  private static final int SEGMENTS = 3;
  private static final int LAST_TYPE = 4;
  private static final int LAST_VALUE = 5;
  private static final int PARENT = 6;
  private static final int DISPLAY_NAME = 7;
  private static final int IS_TEST = 8;
  private static final int SOURCE = 9;

  /**
   * Each running node's descriptor to its id's text and segments ({@link UniqueIdText}), needed at its
   * start, at each child's start (as the parent, and to build the child's) and at its end, where the
   * launcher hands the same descriptor objects. Filled at the start, emptied at the end; guarded by itself.
   */
  private static final Map<Object, PlatformNode> running = new IdentityHashMap<>();

  private final int hook;

  PlatformAdvice(int hook) {
    this.hook = hook;
  }

  private static String descriptor(String className) {
    return "L" + className.replace('.', '/') + ";";
  }

  @Override
  public Object run(Object[] args) throws ReflectiveOperationException {
    switch (hook) {
      case STARTED:
        started(args);
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

  /** ExecutionListenerAdapter.executionStarted(TestDescriptor): {@code [adapter, descriptor, reads...]}. */
  private static void started(Object[] args) throws ReflectiveOperationException {
    Object descriptor = args[1];
    Object id = read(args, ID);
    if (id == null) {
      id = Reflect.call(descriptor, "getUniqueId");
    }
    Object parent = optional(read(args, PARENT), descriptor, "getParent");
    PlatformNode parentNode = runningNode(parent);
    List<?> segments = (List<?>) read(args, SEGMENTS);
    PlatformNode node;
    if (parent == null) {
      node = PlatformNode.parsed(id.toString(), id, segments); // a root: the engine's own id
    } else if (parentNode != null && parentNode.id != null && segments != null) {
      node = UniqueIdText.of(id, segments, (String) read(args, LAST_TYPE), (String) read(args, LAST_VALUE), parentNode);
    } else {
      node = nodeOf(id, parent, parentNode);
    }
    synchronized (running) {
      running.put(descriptor, node);
    }
    String displayName = (String) read(args, DISPLAY_NAME);
    Boolean isTest = (Boolean) read(args, IS_TEST);
    Object source = optional(read(args, SOURCE), descriptor, "getSource");
    PlatformEvents.started(
        node.text,
        node.segments,
        parentText(parent, parentNode),
        displayName != null ? displayName : (String) Reflect.call(descriptor, "getDisplayName"),
        isTest != null ? isTest : (Boolean) Reflect.call(descriptor, "isTest"),
        className(source),
        methodName(source));
  }

  /** The hook's argument {@code index}, or null when the woven code passed fewer. */
  private static Object read(Object[] args, int index) {
    return index < args.length ? args[index] : null;
  }

  /** The value of an {@code Optional} read, or of {@code descriptor.getter()} when the read is missing. */
  private static Object optional(Object read, Object descriptor, String getter) throws ReflectiveOperationException {
    Object optional = read != null ? read : Reflect.call(descriptor, getter);
    return ((Optional<?>) optional).orElse(null);
  }

  private static PlatformNode runningNode(Object descriptor) {
    if (descriptor == null) {
      return null;
    }
    synchronized (running) {
      return running.get(descriptor);
    }
  }

  /** The node of {@code id}, its parent's read by reflection. */
  private static PlatformNode nodeOf(Object id, Object parent, PlatformNode parentNode) throws ReflectiveOperationException {
    Object parentId = parentNode != null && parentNode.id != null ? parentNode.id
        : parent != null ? Reflect.call(parent, "getUniqueId") : null;
    return UniqueIdText.of(id, parentId, parentNode);
  }

  /** A parent the hooks did not see start is named by the Platform's text; a root has none. */
  private static String parentText(Object parent, PlatformNode parentNode) throws ReflectiveOperationException {
    if (parentNode != null) {
      return parentNode.text;
    }
    return parent == null ? null : Reflect.call(parent, "getUniqueId").toString();
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
    Object parent = ((Optional<?>) Reflect.call(descriptor, "getParent")).orElse(null);
    PlatformNode node = nodeOf(Reflect.call(descriptor, "getUniqueId"), parent, runningNode(parent));
    String reason =
        PlatformEvents.skipReason(
            node.text,
            (String) Reflect.call(descriptor, "getDisplayName"),
            (Boolean) Reflect.call(descriptor, "isTest"),
            className(source),
            methodName(source));
    if (reason == null) {
      return null;
    }
    return Reflect.callStatic(Reflect.classNear(descriptor, SKIP_RESULT), "skip", String.class, reason);
  }

  /** The id of a node that finishes, which is then forgotten. */
  private static String finishedId(Object descriptor) throws ReflectiveOperationException {
    PlatformNode known;
    synchronized (running) {
      known = running.remove(descriptor);
    }
    return known != null ? known.text : Reflect.call(descriptor, "getUniqueId").toString();
  }

  /**
   * A {@code MethodSource}'s or {@code ClassSource}'s class name, by reflection: a chain of woven calls
   * cannot tell the two apart, and a cast that fails would cost an exception per container.
   */
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
