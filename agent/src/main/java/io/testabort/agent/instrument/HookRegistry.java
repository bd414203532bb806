package io.testabort.agent.instrument;

import io.testabort.agent.core.AgentLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The registered hooks, and the dispatcher the bridge calls: a hook site's name to its agent-side code.
 * Filled once, before the bridge points at it; read-only afterwards, so lookups need no lock.
 */
final class HookRegistry implements Hooks, BiFunction<String, Object[], Object> {
  private final Map<String, List<HookPoint>> byClass = new HashMap<>();
  private final Map<String, Hook> byEvent = new HashMap<>();

  /** The hooks of {@code frameworks}. Here, not in the transformer, so premain's verifier loads no hook types. */
  static HookRegistry of(FrameworkInstrumentation... frameworks) {
    HookRegistry registry = new HookRegistry();
    for (FrameworkInstrumentation framework : frameworks) {
      framework.register(registry);
    }
    return registry;
  }

  List<HookPoint> pointsFor(String internalName) {
    List<HookPoint> points = byClass.get(internalName);
    return points == null ? Collections.<HookPoint>emptyList() : points;
  }

  @Override
  public Object apply(String event, Object[] args) {
    Hook hook = byEvent.get(event);
    if (hook == null) {
      return null;
    }
    try {
      return hook.run(args);
    } catch (Throwable t) {
      AgentLog.error(event, t);
      return null;
    }
  }

  @Override
  public void onEnter(String className, String method, int parameters, Hook hook) {
    add(className, method, parameters, HookPoint.Kind.ENTER, -1, hook, null);
  }

  @Override
  public void onReturn(String className, String method, int parameters, Hook hook) {
    add(className, method, parameters, HookPoint.Kind.RETURN, -1, hook, null);
  }

  @Override
  public void around(String className, String method, int parameters, Hook enter, Hook exit) {
    add(className, method, parameters, HookPoint.Kind.AROUND, -1, enter, exit);
  }

  @Override
  public void replaceArgument(String className, String method, int parameters, int index, Hook hook) {
    add(className, method, parameters, HookPoint.Kind.REPLACE_ARGUMENT, index, hook, null);
  }

  @Override
  public void replaceReturn(String className, String method, int parameters, Hook hook) {
    add(className, method, parameters, HookPoint.Kind.REPLACE_RETURN, -1, hook, null);
  }

  @Override
  public void skipWhen(String className, String method, int parameters, Hook hook) {
    add(className, method, parameters, HookPoint.Kind.SKIP, -1, hook, null);
  }

  @Override
  public void onEnterMayThrow(String className, String method, int parameters, Hook hook) {
    add(className, method, parameters, HookPoint.Kind.ENTER_MAY_THROW, -1, hook, null);
  }

  private void add(String className, String method, int parameters, HookPoint.Kind kind, int index, Hook hook, Hook exit) {
    if (!HookedClasses.contains(className.replace('.', '/'))) {
      throw new IllegalArgumentException(className + " is not in HookedClasses");
    }
    // interned, as the woven code's constant is: the lookup per hook call then matches by identity, not
    // by comparing sixty characters in a JVM that still interprets it
    String event = new StringBuilder(className).append('.').append(method).append('/').append(parameters)
        .append(':').append(kind.name()).toString().intern();
    if (byEvent.containsKey(event)) {
      throw new IllegalArgumentException("hooked twice: " + event);
    }
    byEvent.put(event, hook);
    String exitEvent = null;
    if (exit != null) {
      exitEvent = (event + ":exit").intern();
      byEvent.put(exitEvent, exit);
    }
    List<HookPoint> points = byClass.get(className.replace('.', '/'));
    if (points == null) {
      points = new ArrayList<>();
      byClass.put(className.replace('.', '/'), points);
    }
    points.add(new HookPoint(method, parameters, kind, index, event, exitEvent));
  }
}
