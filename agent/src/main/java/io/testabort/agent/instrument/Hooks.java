package io.testabort.agent.instrument;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** Where a framework instrumentation registers its advice. */
public interface Hooks {

  /**
   * Inlines the advice class {@code adviceClass} (a binary name; the class is read, never loaded) into the
   * methods of {@code className} that {@code methods} matches. {@code className} must be in
   * {@link HookedClasses}.
   */
  void advise(String className, ElementMatcher<? super MethodDescription> methods, String adviceClass);
}
