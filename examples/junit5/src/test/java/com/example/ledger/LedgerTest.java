package com.example.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.example.crash.Crash;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of Jupiter test, each with a crash point named like its node id. */
class LedgerTest {
  private Ledger ledger;

  @BeforeEach
  void openLedger() {
    Crash.point("LedgerTest.openLedger");
    ledger = new Ledger();
  }

  @AfterEach
  void closeLedger() {
    Crash.point("LedgerTest.closeLedger");
  }

  @Test
  void posts() {
    Crash.point("LedgerTest#posts");
    ledger.post(10);
    assertEquals(10, ledger.balance());
  }

  @ParameterizedTest(name = "[{index}] {0} + {1}")
  @CsvSource({"1, 2", "5, 7", "0, 0"})
  void reconciles(int a, int b) {
    ledger.post(a);
    ledger.post(b);
    Crash.point("LedgerTest#reconciles[" + (a == 1 ? 1 : a == 5 ? 2 : 3) + "]");
    assertEquals(a + b, ledger.balance());
  }

  @RepeatedTest(3)
  void audits(org.junit.jupiter.api.RepetitionInfo repetition) {
    Crash.point("LedgerTest#audits[" + repetition.getCurrentRepetition() + "]");
  }

  @TestFactory
  Stream<DynamicNode> entries() {
    return Stream.of(
        dynamicTest("opening", () -> Crash.point("LedgerTest#entries[1]")),
        dynamicContainer(
            "month",
            Stream.of(
                dynamicTest("debit", () -> Crash.point("LedgerTest#entries[2][1]")),
                dynamicTest("credit", () -> Crash.point("LedgerTest#entries[2][2]")))));
  }

  @Nested
  class Quarterly {
    @Test
    void files() {
      Crash.point("LedgerTest$Quarterly#files");
    }
  }

  static final class Ledger {
    private long balance;

    void post(long amount) {
      balance += amount;
    }

    long balance() {
      return balance;
    }
  }
}
