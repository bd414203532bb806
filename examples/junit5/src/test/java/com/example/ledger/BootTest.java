package com.example.ledger;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crash.Crash;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Class-level lifecycle: a crash here is named by the class alone. */
class BootTest {
  private static boolean booted;

  @BeforeAll
  static void boot() {
    Crash.point("BootTest.boot");
    booted = true;
  }

  @AfterAll
  static void shutDown() {
    Crash.point("BootTest.shutDown");
  }

  @Test
  void booted() {
    assertTrue(booted);
  }
}
