package com.example.ledger;

import com.example.crash.Crash;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Two tests in flight at once when JUnit runs in parallel ({@code -Djunit.jupiter.execution.parallel.enabled=true}):
 * each waits until both run, so a crash in one happens while the other is still running.
 */
@Execution(ExecutionMode.CONCURRENT)
class SettlementTest {
  private static final CountDownLatch bothRunning = new CountDownLatch(2);

  @Test
  void settlesEuros() throws InterruptedException {
    meetTheOther();
    Crash.point("SettlementTest#settlesEuros");
    Thread.sleep(parallel() ? 1000 : 0);
  }

  @Test
  void settlesDollars() throws InterruptedException {
    meetTheOther();
    Crash.point("SettlementTest#settlesDollars");
    Thread.sleep(parallel() ? 1000 : 0);
  }

  private static boolean parallel() {
    return Boolean.getBoolean("junit.jupiter.execution.parallel.enabled");
  }

  private static void meetTheOther() throws InterruptedException {
    bothRunning.countDown();
    if (parallel()) {
      bothRunning.await(10, TimeUnit.SECONDS);
    }
  }
}
