package io.testabort.crash.io;

import io.testabort.crash.BadInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads input files, turning "cannot read it" into a {@link BadInputException} that names the file. */
public final class Inputs {
  private Inputs() {}

  /** All bytes of a regular file. */
  public static byte[] readBytes(Path file) throws BadInputException {
    if (Files.isDirectory(file)) {
      throw new BadInputException(file, "is a directory, expected a file");
    }
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /** Why {@code file} could not be read, as bad input naming it. */
  public static BadInputException unreadable(Path file, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new BadInputException(file, "no such file", e);
    }
    if (e instanceof AccessDeniedException) {
      return new BadInputException(file, "permission denied", e);
    }
    return new BadInputException(file, "cannot read: " + e.getMessage(), e);
  }

  /** Strict UTF-8 text; malformed bytes (binary files) are bad input rather than replaced. */
  public static String readUtf8(Path file) throws BadInputException {
    return decodeUtf8(file, readBytes(file));
  }

  public static String decodeUtf8(Path file, byte[] bytes) throws BadInputException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new BadInputException(file, "not UTF-8 text", e);
    }
  }
}
