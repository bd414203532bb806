package com.example.mocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.when;

import com.example.crash.Crash;
import org.junit.jupiter.api.Test;
import org.mockito.MockedStatic;

/** Mockito's inline mock maker retransforms classes with its own Byte Buddy, next to the agent's. */
class FinalClassMockTest {
  static final class Clock {
    long now() {
      return 1;
    }

    static String zone() {
      return "UTC";
    }
  }

  @Test
  void mocksAFinalClass() {
    Clock clock = mock(Clock.class);
    when(clock.now()).thenReturn(42L);
    assertEquals(42L, clock.now());
    Crash.point("FinalClassMockTest#mocksAFinalClass");
  }

  @Test
  void mocksAStaticMethod() {
    try (MockedStatic<Clock> clock = mockStatic(Clock.class)) {
      clock.when(Clock::zone).thenReturn("CET");
      assertEquals("CET", Clock.zone());
    }
    assertEquals("UTC", Clock.zone());
  }
}
