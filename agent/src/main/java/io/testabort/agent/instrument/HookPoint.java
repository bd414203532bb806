package io.testabort.agent.instrument;

/** One registered hook site: which method, what the injected code does there, and the names it dispatches on. */
final class HookPoint {
  enum Kind { ENTER, RETURN, AROUND, REPLACE_ARGUMENT, REPLACE_RETURN, SKIP, ENTER_MAY_THROW }

  final String method;
  final int parameters;
  final Kind kind;
  final int index;
  /** The bridge's dispatch names: on entry (or the only one), and on exit for {@link Kind#AROUND}. */
  final String event;
  final String exitEvent;

  HookPoint(String method, int parameters, Kind kind, int index, String event, String exitEvent) {
    this.method = method;
    this.parameters = parameters;
    this.kind = kind;
    this.index = index;
    this.event = event;
    this.exitEvent = exitEvent;
  }

  boolean matches(String name, int parameterCount) {
    return method.equals(name) && (parameters < 0 || parameters == parameterCount);
  }
}
