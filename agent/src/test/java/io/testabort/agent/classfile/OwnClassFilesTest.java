package io.testabort.agent.classfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class OwnClassFilesTest {

  @Test
  void readsTheAgentsOwnClassFilesWhereTheClassLoaderWouldFindThem() throws Exception {
    byte[] viaLoader;
    try (InputStream in = OwnClassFiles.class.getClassLoader().getResourceAsStream("io/testabort/agent/bridge/BootDefiner.class")) {
      viaLoader = in.readAllBytes();
    }
    assertThat(OwnClassFiles.read("io/testabort/agent/bridge/BootDefiner")).isEqualTo(viaLoader);
  }

  @Test
  void aClassTheAgentDoesNotHaveIsAnIoErrorNamingIt() {
    assertThatThrownBy(() -> OwnClassFiles.read("io/testabort/agent/NoSuchClass"))
        .isInstanceOf(IOException.class).hasMessageContaining("io/testabort/agent/NoSuchClass.class");
  }
}
