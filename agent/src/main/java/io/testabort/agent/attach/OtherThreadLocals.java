package io.testabort.agent.attach;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link ThreadLocal}'s value on another thread, which the JDK only offers to that thread:
 * through the thread's own map, with {@code java.lang} opened to the agent by {@link Instrumentation}.
 * Used for TestNG only, which keeps the running test's result in a thread-local.
 */
final class OtherThreadLocals {
  private final Instrumentation inst;

  OtherThreadLocals(Instrumentation inst) {
    this.inst = inst;
  }

  Object valueOn(Thread thread, ThreadLocal<?> local) throws ReflectiveOperationException {
    Module base = Thread.class.getModule();
    Module agent = OtherThreadLocals.class.getModule();
    if (!base.isOpen("java.lang", agent)) {
      inst.redefineModule(base, Collections.<Module>emptySet(), Collections.<String, Set<Module>>emptyMap(),
          Map.of("java.lang", Set.of(agent)), Collections.<Class<?>>emptySet(), Collections.<Class<?>, java.util.List<Class<?>>>emptyMap());
    }
    Field mapField = Thread.class.getDeclaredField(local instanceof InheritableThreadLocal ? "inheritableThreadLocals" : "threadLocals");
    mapField.setAccessible(true);
    Object map = mapField.get(thread);
    if (map == null) {
      return null;
    }
    Method getEntry = map.getClass().getDeclaredMethod("getEntry", ThreadLocal.class);
    getEntry.setAccessible(true);
    Object entry = getEntry.invoke(map, local);
    if (entry == null) {
      return null;
    }
    Field value = entry.getClass().getDeclaredField("value");
    value.setAccessible(true);
    return value.get(entry);
  }
}
