package io.testabort.crash;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a child JVM to make HotSpot write a real hs_err log. Arguments: {@code segv} (write to address
 * 0, dies in the VM), {@code copy} (copy from address 8, dies in a generated stub) or {@code oom} (fill
 * the heap; run with -XX:+CrashOnOutOfMemoryError), then optionally the name of
 * the thread to do it in and {@code daemon} to make that thread a daemon.
 */
public final class CrashingMain {
  public static void main(String[] args) throws Exception {
    Runnable crash = args[0].equals("oom") ? CrashingMain::fillHeap : args[0].equals("copy") ? CrashingMain::copyFromNull : CrashingMain::writeToNull;
    if (args.length == 1) {
      crash.run();
    } else {
      Thread t = new Thread(crash, args[1]);
      t.setDaemon(args.length > 2 && args[2].equals("daemon"));
      t.start();
      t.join();
    }
  }

  private static void writeToNull() {
    unsafe().putAddress(0, 0);
  }

  private static void copyFromNull() {
    sun.misc.Unsafe unsafe = unsafe();
    unsafe.copyMemory(8, unsafe.allocateMemory(1 << 20), 1 << 20);
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

  private static void fillHeap() {
    List<long[]> hog = new ArrayList<>();
    while (true) {
      hog.add(new long[1 << 20]);
    }
  }
}
