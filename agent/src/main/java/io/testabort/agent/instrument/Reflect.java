package io.testabort.agent.instrument;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How hooks read framework objects they only know as {@code Object}: public methods found once per
 * runtime class (by name and parameter types) and cached, so a hook's cost per test is a map lookup and
 * a reflective call. A method is taken from a public type that declares it (an interface, say), so no
 * access checks need to be switched off for framework classes on the class path or in modules.
 */
public final class Reflect {
  private static final ClassValue<ConcurrentHashMap<String, Method>> METHODS =
      new ClassValue<ConcurrentHashMap<String, Method>>() {
        @Override
        protected ConcurrentHashMap<String, Method> computeValue(Class<?> type) {
          return new ConcurrentHashMap<>();
        }
      };

  private Reflect() {}

  /** {@code target.name()}. */
  public static Object call(Object target, String name) throws ReflectiveOperationException {
    return method(target.getClass(), name).invoke(target);
  }

  /** {@code target.name(argument)} where the parameter is of type {@code parameter}. */
  public static Object call(Object target, String name, Class<?> parameter, Object argument)
      throws ReflectiveOperationException {
    return method(target.getClass(), name, parameter).invoke(target, argument);
  }

  /** The class {@code name} as {@code near}'s class loader sees it (framework classes see each other). */
  public static Class<?> classNear(Object near, String name) throws ClassNotFoundException {
    return Class.forName(name, false, near.getClass().getClassLoader());
  }

  /** {@code new type(argument)} with a one-parameter public constructor. */
  public static Object construct(Class<?> type, Class<?> parameter, Object argument) throws ReflectiveOperationException {
    Constructor<?> c = type.getConstructor(parameter);
    return c.newInstance(argument);
  }

  /** The static {@code type.name(argument)}. */
  public static Object callStatic(Class<?> type, String name, Class<?> parameter, Object argument)
      throws ReflectiveOperationException {
    return type.getMethod(name, parameter).invoke(null, argument);
  }

  /** The reflective call's own failure, not its wrapper. */
  public static Throwable cause(Throwable t) {
    return t instanceof InvocationTargetException && t.getCause() != null ? t.getCause() : t;
  }

  private static Method method(Class<?> type, String name, Class<?>... parameters) throws NoSuchMethodException {
    ConcurrentHashMap<String, Method> methods = METHODS.get(type);
    String key = parameters.length == 0 ? name : name + '(' + parameters[0].getName();
    Method m = methods.get(key);
    if (m == null) {
      m = accessible(type, name, parameters);
      methods.put(key, m);
    }
    return m;
  }

  private static Method accessible(Class<?> type, String name, Class<?>[] parameters) throws NoSuchMethodException {
    Method m = type.getMethod(name, parameters);
    if (isAccessible(m.getDeclaringClass())) {
      return withoutCallerCheck(m);
    }
    Method fromSupertype = fromPublicSupertype(type, name, parameters);
    if (fromSupertype != null) {
      return withoutCallerCheck(fromSupertype);
    }
    m.setAccessible(true);
    return m;
  }

  /**
   * A public method of an exported type may be made accessible, which spares each {@code invoke} its
   * access check: {@code Reflection.getCallerClass()}, a stack walk while the hooks still run interpreted
   * (most of a short test JVM's life). Left as it is when the JVM refuses.
   */
  private static Method withoutCallerCheck(Method m) {
    try {
      m.setAccessible(true);
    } catch (RuntimeException refused) {
      // still callable: it is public, in an exported package
    }
    return m;
  }

  private static Method fromPublicSupertype(Class<?> type, String name, Class<?>[] parameters) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c != type && isAccessible(c)) {
        try {
          return c.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
          // not declared this high up
        }
      }
      for (Class<?> i : c.getInterfaces()) {
        Method m = fromInterface(i, name, parameters);
        if (m != null) {
          return m;
        }
      }
    }
    return null;
  }

  private static Method fromInterface(Class<?> i, String name, Class<?>[] parameters) {
    if (isAccessible(i)) {
      try {
        return i.getMethod(name, parameters);
      } catch (NoSuchMethodException e) {
        // look further up
      }
    }
    for (Class<?> up : i.getInterfaces()) {
      Method m = fromInterface(up, name, parameters);
      if (m != null) {
        return m;
      }
    }
    return null;
  }

  private static boolean isAccessible(Class<?> c) {
    return Modifier.isPublic(c.getModifiers()) && c.getModule().isExported(c.getPackageName());
  }
}
