package io.testabort.agent.attach;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Finds a class that is on a thread's stack, which is therefore loaded: through the thread's context
 * class loader (Surefire's and Gradle's test class loaders set it), else the system class loader. Never
 * initializes a class.
 */
final class ClassLookup implements StackNaming.Annotations {

  static Class<?> find(Thread thread, String className) {
    ClassLoader[] loaders = {thread.getContextClassLoader(), ClassLoader.getSystemClassLoader()};
    for (ClassLoader loader : loaders) {
      if (loader == null) {
        continue;
      }
      try {
        return Class.forName(className, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        // try the next loader
      }
    }
    return null;
  }

  /** Simple names of the annotations of the methods so named, and of their annotations (composed ones). */
  @Override
  public List<String> of(Thread thread, String className, String methodName) {
    Class<?> type = find(thread, className);
    if (type == null) {
      return Collections.emptyList();
    }
    List<String> names = new ArrayList<>();
    try {
      for (Method m : type.getDeclaredMethods()) {
        if (!m.getName().equals(methodName)) {
          continue;
        }
        for (Annotation a : m.getAnnotations()) {
          names.add(a.annotationType().getSimpleName());
          for (Annotation meta : a.annotationType().getAnnotations()) {
            names.add(meta.annotationType().getSimpleName());
          }
        }
      }
    } catch (LinkageError | RuntimeException e) {
      // an annotation class that cannot load: the callers' frames still tell
    }
    return names;
  }
}
