package io.testabort.agent.instrument;

import java.util.ArrayDeque;

/**
 * What an {@link Hooks#around} hook's entry hands to its exit, per thread: entries and exits of one
 * thread nest like the calls they wrap (the exit runs on every way out), so a stack pairs them.
 */
public final class EnterExitKeys {
  private static final String NONE = new String("none");

  private final ThreadLocal<ArrayDeque<String>> stacks =
      new ThreadLocal<ArrayDeque<String>>() {
        @Override
        protected ArrayDeque<String> initialValue() {
          return new ArrayDeque<>();
        }
      };

  public void push(String key) {
    stacks.get().push(key == null ? NONE : key);
  }

  /** The key of the innermost entry on this thread, or null. */
  public String pop() {
    String key = stacks.get().poll();
    return key == NONE ? null : key;
  }
}
