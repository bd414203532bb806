package io.testabort.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A marker the agent wrote, read the way pytest-abort's {@code check_for_crash_file} reads it: json.load,
 * status, {@code datetime.fromisoformat(start_time)} subtracted from a naive {@code datetime.now()}.
 */
class PytestAbortCompatibilityIT {
  private static final String READER = String.join("\n",
      "import json, sys",
      "from datetime import datetime",
      "with open(sys.argv[1], 'r', encoding='utf-8') as f:",
      "    data = json.load(f)",
      "assert data.get('status') == 'running', data",
      "start = datetime.fromisoformat(data['start_time'])",
      "assert start.tzinfo is None, 'start_time must be naive local time'",
      "duration = (datetime.now() - start).total_seconds()",
      "assert 0 <= duration < 600, duration",
      "assert isinstance(data['pid'], int)",
      "print(data['nodeid'], data['test_name'], str(data.get('gpu_id', 'unknown')), round(duration, 3))");

  @Test
  void python3ParsesTheMarkerAsPytestAbortDoes(@TempDir Path dir) throws Exception {
    Path markers = dir.resolve("markers");
    Jvm crashed = LedgerSuite.run(Jdks.current(), "junit5-console.jar", dir, "dir=" + markers,
        "LedgerTest#reconciles[2]", "kill");
    assertThat(crashed.exitCode).as(crashed.toString()).isEqualTo(137);
    Path marker = Markers.in(markers).get(0);
    Path script = dir.resolve("read_marker.py");
    Files.writeString(script, READER);

    Jvm python = Jvm.run(dir, Map.of(), List.of("python3", script.toString(), marker.toString()));

    assertThat(python.exitCode).as(python.toString()).isZero();
    assertThat(python.output).startsWith("com.example.ledger.LedgerTest#reconciles[2] reconciles unknown ");
  }
}
