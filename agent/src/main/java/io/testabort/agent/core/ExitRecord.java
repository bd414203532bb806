package io.testabort.agent.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** A {@code System.exit}/{@code Runtime.halt} (or a shutdown signal) that ended the JVM during a test. */
public final class ExitRecord {
  /** How many frames of the calling stack the marker keeps; enough to see the test method. */
  static final int MAX_FRAMES = 12;

  final Integer code;
  final String via;
  final List<String> stack;

  public ExitRecord(Integer code, String via, List<String> stack) {
    this.code = code;
    this.via = via;
    this.stack = Collections.unmodifiableList(new ArrayList<>(stack.subList(0, Math.min(stack.size(), MAX_FRAMES))));
  }

  /**
   * The frames below the {@code System.exit}/{@code Runtime.exit}/{@code Runtime.halt} call in {@code trace}
   * (the JDK's exit plumbing and the agent's own frames above it dropped), at most {@link #MAX_FRAMES}.
   */
  public static List<String> callerStack(StackTraceElement[] trace) {
    int from = 0;
    for (int i = 0; i < trace.length; i++) {
      String cls = trace[i].getClassName();
      String m = trace[i].getMethodName();
      boolean exitCall = (cls.equals("java.lang.System") || cls.equals("java.lang.Runtime") || cls.equals("java.lang.Shutdown"))
          && (m.equals("exit") || m.equals("halt"));
      if (exitCall) {
        from = i + 1;
      }
    }
    List<String> frames = new ArrayList<>();
    for (int i = from; i < trace.length && frames.size() < MAX_FRAMES; i++) {
      if (!trace[i].getClassName().startsWith("io.testabort.agent.")) {
        frames.add(trace[i].toString());
      }
    }
    return frames;
  }

  /**
   * The JVM shuts down during a test without the {@code Runtime} hook having seen an exit: the thread
   * that called {@code System.exit} waits inside it, else it is a signal (SIGTERM, SIGINT).
   */
  static ExitRecord fromThreads() {
    for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
      if (isExiting(e.getValue())) {
        return new ExitRecord(null, "System.exit", callerStack(e.getValue()));
      }
    }
    return new ExitRecord(null, "shutdown", new ArrayList<>());
  }

  /**
   * True when {@code trace} is a thread inside {@code System.exit}/{@code Runtime.exit}. The JDK's
   * handler of SIGTERM and SIGINT calls {@code Shutdown.exit} too, from {@code java.lang.Terminator}:
   * that thread is the signal, not a caller of {@code System.exit}.
   */
  static boolean isExiting(StackTraceElement[] trace) {
    boolean inExit = false;
    for (StackTraceElement e : trace) {
      String cls = e.getClassName();
      if (cls.startsWith("java.lang.Terminator")) {
        return false;
      }
      if ((cls.equals("java.lang.Runtime") || cls.equals("java.lang.Shutdown")) && e.getMethodName().equals("exit")) {
        inExit = true;
      }
    }
    return inExit;
  }
}
