package io.testabort.agent.instrument;

/**
 * Where a framework instrumentation registers its hooks. A method is named by its class (one of
 * {@link HookedClasses}), its name and its number of parameters (-1: any); bridge, abstract and native
 * methods are never hooked. Unless said otherwise a hook gets {@code [this, argument0, argument1, ...]}
 * (primitives boxed) and its result is ignored.
 */
public interface Hooks {

  /** {@code hook} runs when the method is entered. */
  void onEnter(String className, String method, int parameters, Hook hook);

  /** {@code hook} runs when the method returns normally (not when it throws). */
  void onReturn(String className, String method, int parameters, Hook hook);

  /** {@code enter} on entry and {@code exit} on every way out, returns and throws alike. */
  void around(String className, String method, int parameters, Hook enter, Hook exit);

  /**
   * On entry, {@code hook} gets {@code [argument i, this, argument0, ...]} and may return a replacement for
   * argument {@code i} (null keeps it).
   */
  void replaceArgument(String className, String method, int parameters, int index, Hook hook);

  /** On a normal return, {@code hook} gets {@code [returned, this, argument0, ...]}; may return a replacement. */
  void replaceReturn(String className, String method, int parameters, Hook hook);

  /** On entry; when {@code hook} returns {@link Boolean#TRUE} the method returns at once, doing nothing. */
  void skipWhen(String className, String method, int parameters, Hook hook);

  /** On entry; a {@link RuntimeException} that {@code hook} returns is thrown out of the method. */
  void onEnterMayThrow(String className, String method, int parameters, Hook hook);
}
