package io.testabort.agent.bridge;

import java.lang.invoke.MethodHandles;

/**
 * Defines the bridge into {@code java.lang}. Loaded alone into a throwaway class loader whose unnamed
 * module is the only one {@code java.lang} is opened to, so the opening gives nothing to the application's
 * own classes.
 */
public final class BootDefiner {
  private BootDefiner() {}

  public static Class<?> define(byte[] classFile) throws IllegalAccessException {
    return MethodHandles.privateLookupIn(Object.class, MethodHandles.lookup()).defineClass(classFile);
  }
}
