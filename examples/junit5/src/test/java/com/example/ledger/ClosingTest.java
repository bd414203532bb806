package com.example.ledger;

import com.example.crash.Crash;
import org.junit.jupiter.api.Test;

/** Runs after a crash point in an earlier class would have killed the fork: Surefire never reports it then. */
class ClosingTest {
  @Test
  void closesBooks() {
    Crash.point("ClosingTest#closesBooks");
  }
}
