package com.example.crash;

import java.io.IOException;
import java.lang.reflect.Field;

/**
 * Crash points for the example suites. A test calls {@link #point(String)} with a name; when the system
 * property {@code crash.at} names that point, the JVM dies the way {@code crash.how} says:
 *
 * <ul>
 *   <li>{@code segv} (default): writes to address 0 through {@code sun.misc.Unsafe}, a real SIGSEGV and hs_err log
 *   <li>{@code abort}: {@code kill -ABRT} of this JVM (what a native {@code abort()} does)
 *   <li>{@code kill}: {@code kill -KILL} of this JVM (the OOM killer, a CI timeout)
 *   <li>{@code exit}: {@code System.exit(3)}; {@code halt}: {@code Runtime.halt(5)}
 *   <li>{@code hang}: sleeps until something kills the JVM
 * </ul>
 *
 * Without {@code crash.at} nothing happens, so the suites pass in a normal build.
 */
public final class Crash {
  private Crash() {}

  public static void point(String name) {
    if (name.equals(System.getProperty("crash.at"))) {
      now(System.getProperty("crash.how", "segv"));
    }
  }

  public static void now(String how) {
    switch (how) {
      case "segv":
        unsafe().putAddress(0, 42);
        break;
      case "abort":
        signal("ABRT");
        break;
      case "kill":
        signal("KILL");
        break;
      case "exit":
        System.exit(3);
        break;
      case "halt":
        Runtime.getRuntime().halt(5);
        break;
      case "hang":
        sleepForever();
        break;
      default:
        throw new IllegalArgumentException("crash.how must be segv, abort, kill, exit, halt or hang, not " + how);
    }
    sleepForever(); // a signal takes a moment to arrive
  }

  private static sun.misc.Unsafe unsafe() {
    try {
      Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
      f.setAccessible(true);
      return (sun.misc.Unsafe) f.get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void signal(String name) {
    try {
      new ProcessBuilder("kill", "-" + name, Long.toString(ProcessHandle.current().pid())).inheritIO().start().waitFor();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleepForever() {
    while (true) {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        // keep hanging: only a kill ends this
      }
    }
  }
}
