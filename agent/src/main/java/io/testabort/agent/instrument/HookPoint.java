package io.testabort.agent.instrument;

/**
 * One registered hook site: which method, what the injected code does there, and the names it dispatches
 * on. Public, with its kinds, for the weaver bound to the JDK's ASM, which lives in a class loader of its
 * own ({@link JdkAsmWeaver}); nothing outside the agent uses it.
 */
public final class HookPoint {
  /** What the injected code does at the hooked method. */
  public enum Kind { ENTER, RETURN, AROUND, REPLACE_ARGUMENT, REPLACE_RETURN, SKIP, ENTER_MAY_THROW }

  public final String method;
  public final int parameters;
  public final Kind kind;
  public final int index;
  /** The bridge's dispatch names: on entry (or the only one), and on exit for {@link Kind#AROUND}. */
  public final String event;
  public final String exitEvent;

  HookPoint(String method, int parameters, Kind kind, int index, String event, String exitEvent) {
    this.method = method;
    this.parameters = parameters;
    this.kind = kind;
    this.index = index;
    this.event = event;
    this.exitEvent = exitEvent;
  }

  public boolean matches(String name, int parameterCount) {
    return method.equals(name) && (parameters < 0 || parameters == parameterCount);
  }
}
