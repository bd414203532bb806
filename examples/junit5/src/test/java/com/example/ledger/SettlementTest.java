package com.example.ledger;

import com.example.crash.Crash;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Two tests in flight at once when JUnit runs in parallel ({@code -Djunit.jupiter.execution.parallel.enabled=true}):
 * each waits until both run, so a crash in one happens while the other is still running. The crash
 * point {@code SettlementTest#first} fires in whichever test got there first, usually not the one that
 * started last (which is the one on top of the marker).
 */
@Execution(ExecutionMode.CONCURRENT)
class SettlementTest {
  private static final CountDownLatch bothRunning = new CountDownLatch(2);
  private static final AtomicInteger arrivals = new AtomicInteger();

  @Test
  void settlesEuros() throws InterruptedException {
    settle("Euros");
  }

  @Test
  void settlesDollars() throws InterruptedException {
    settle("Dollars");
  }

  private static void settle(String currency) throws InterruptedException {
    boolean first = arrivals.incrementAndGet() == 1;
    bothRunning.countDown();
    if (parallel()) {
      bothRunning.await(10, TimeUnit.SECONDS);
    }
    Crash.point(first ? "SettlementTest#first" : "SettlementTest#second");
    Crash.point("SettlementTest#settles" + currency);
    Thread.sleep(parallel() ? 1000 : 0);
  }

  private static boolean parallel() {
    return Boolean.getBoolean("junit.jupiter.execution.parallel.enabled");
  }
}
